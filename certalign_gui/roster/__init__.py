"""The training officer's roster: many people through the same `assess()`, without widgets.

- `reader.read_roster(path)`: a CSV or spreadsheet file in, cells by field out (`formats`
  does the bytes and the limits, `columns` the headers, `cells` one cell's date or status);
- `assess.assess_roster(roster, as_of)`: every row through the rules, problems listed;
- `summary`: the summary line, the counts in words, the table rows (next due first);
- `export`: the results as JSON and as CSV; `template`: a blank roster to fill in;
- `pdf`: the roster summary; `checklists`: one checklist page per person (QtGui only);
- `cli`: ``certalign roster FILE``; `text`: its plain-text table.

A roster is personal data: nothing here logs, caches or writes anything but the files asked
for. Only `pdf` and `checklists` import Qt; the spreadsheet reader loads only when a
spreadsheet is read, the workbook writer only when an .xlsx template is written.
"""
