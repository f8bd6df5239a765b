"""The training officer's roster: many people through the same `assess()`, without widgets.

- `columns`: the template's header list and how a file's headers are recognised;
- `reader`: a CSV or spreadsheet file in, cells by column out (`read_roster`);
- `cells`: one cell to a date, a status word or plain text;
- `assess`: every row through the rules (`assess_roster`), the summary line, the counts and
  the table rows;
- `export`: the results as JSON and as CSV; `template`: a blank roster to fill in;
- `pdf`: the roster summary and the checklists for everyone (QtGui only, loaded on use);
- `cli`: ``certalign roster FILE``.

A roster is personal data: nothing here logs, caches or writes anything but the files asked
for. Only `pdf` imports Qt, and the spreadsheet libraries load only when a file is read or
a template written.
"""
