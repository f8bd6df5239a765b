"""`certalign roster FILE`: the training officer's roster without a window.

Exit status: 0 when every row was assessed; 3 when some rows need fixing (the others are
still reported and written); 2 for an unusable file or a bad option, with one line on
stderr. Qt loads only for ``--pdf`` and ``--checklists``; the spreadsheet reader only
when a spreadsheet is read. This is the only place in the package that reads the clock.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from certalign_gui import __version__, clock
from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.presentation.date_words import date_refusal
from certalign_gui.roster.assess import RosterResult, assess_roster
from certalign_gui.roster.reader import RosterFileError, read_roster
from certalign_gui.roster.text import format_text
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date
from certalign_gui.terminal import PROG as TERMINAL_PROG
from certalign_gui.terminal import (
    Parser,
    UsageError,
    language_first,
    output_path,
    pipe_closed,
    say,
    tell_error,
    use_headless_qt,
)

PROG = f"{TERMINAL_PROG} roster"
EXIT_OK, EXIT_USAGE, EXIT_NEEDS_FIXING = 0, 2, 3
OUTPUTS = ("--csv", "--pdf", "--checklists", "--template")
#: What each file is, as the line after writing it says (messages of the catalogue).
WHAT = {
    "--csv": N_("the results (CSV)"),
    "--pdf": N_("the roster summary"),
    "--checklists": N_("the checklists for everyone"),
    "--template": N_("the blank roster template"),
}


def build_parser() -> argparse.ArgumentParser:
    """The options of ``certalign roster``."""
    parser = Parser(
        prog=PROG,
        description=_(
            "Every person of a roster (CSV or Excel) through the OEMS one-year alignment "
            "rules: who must align, regain NREMT or contact OEMS, and by when."
        ),
        epilog=_(
            "Columns: Name (or First name and Last name) and MA expiration are needed; "
            "MA certification number, NREMT status (active, expired or never), NREMT "
            "expiration and NREMT number are read when present. Exit status: 0 all rows "
            "assessed, 3 some rows need fixing, 2 the file or an option cannot be used."
        ),
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help=_("the roster (.csv, .xlsx, .xls, .ods)")
    )
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=_("the workbook's sheet to read (default: the sheet shown when it was saved)"),
    )
    parser.add_argument("--as-of", metavar="DATE", help=_("advice as of this day (default: today)"))
    parser.add_argument("--json", action="store_true", help=_("print the results as JSON"))
    parser.add_argument("--csv", metavar="OUT", help=_("write the results as a CSV file"))
    parser.add_argument("--pdf", metavar="OUT", help=_("write the roster summary as a PDF"))
    parser.add_argument(
        "--checklists", metavar="OUT", help=_("write everyone's checklist, one page each, as a PDF")
    )
    parser.add_argument(
        "--template", metavar="OUT", help=_("write a blank roster to fill in (.csv or .xlsx)")
    )
    parser.add_argument("--force", action="store_true", help=_("replace files that already exist"))
    parser.add_argument(
        "--lang",
        metavar="LANGUAGE",
        help=_(
            "the language of the messages, such as en (default: the system's, from LC_ALL, "
            "LC_MESSAGES or LANG; English when certalign has no catalogue for it)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"certalign {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``certalign roster``; returns the exit status."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except BrokenPipeError:
        pipe_closed(sys.stdout, sys.stderr)
        return EXIT_OK


def _run(argv: list[str]) -> int:
    try:
        language_first(argv)
        args = build_parser().parse_args(argv)
        today = clock.today()
        as_of = _as_of(args.as_of, today)
        targets = output_targets(args)
        result = _assessed(args.file, as_of, args.sheet) if args.file is not None else None
    except UsageError as exc:
        tell_error(exc)
        return EXIT_USAGE
    if result is not None:
        _print_results(result, as_json=args.json)
    try:
        written = write_outputs(targets, result, force=args.force, today=today)
    except UsageError as exc:
        tell_error(exc)
        return EXIT_USAGE
    for option, path in written:
        say(
            _("{program}: wrote {what} to {path}").format(
                program=TERMINAL_PROG, what=_(WHAT[option]), path=path
            ),
            stream=sys.stderr if args.json else sys.stdout,
        )
    return EXIT_NEEDS_FIXING if result is not None and result.problems else EXIT_OK


def _as_of(text: str | None, today: date) -> date:
    if text is None:
        return today
    try:
        return parse_typed_date(text)
    except DateTextError as exc:
        raise UsageError(
            _("--as-of: {text} is not a date: {why}").format(text=repr(text), why=date_refusal(exc))
        ) from None


def _assessed(file: str, as_of: date, sheet: str | None) -> RosterResult:
    try:
        return assess_roster(read_roster(file, sheet), as_of)
    except RosterFileError as exc:
        raise UsageError(str(exc)) from None


def output_targets(args: argparse.Namespace) -> dict[str, Path]:
    """The files asked for, checked before anything is read or written."""
    targets: dict[str, Path] = {}
    for option in OUTPUTS:
        value = getattr(args, option.removeprefix("--"))
        if value is None:
            continue
        if args.file is None and option != "--template":
            raise UsageError(_("{option} needs a roster FILE to read").format(option=option))
        path = output_path(option, value)
        if args.file is not None and path == Path(args.file).expanduser().absolute():
            raise UsageError(
                _("{option}: {path} is the roster itself; choose another file").format(
                    option=option, path=path
                )
            )
        if path in targets.values():
            raise UsageError(
                _("{option}: {path} is also given to another option").format(
                    option=option, path=path
                )
            )
        if path.exists() and not args.force:
            raise UsageError(
                _("{option}: {path} already exists; add --force to replace it").format(
                    option=option, path=path
                )
            )
        if option == "--template" and path.suffix.casefold() not in (".csv", ".xlsx"):
            raise UsageError(_("--template: {path} must end in .csv or .xlsx").format(path=path))
        targets[option] = path
    if args.file is None and not targets:
        raise UsageError(
            _("give a roster FILE, or --template OUT for a blank one (see '{help}')").format(
                help=f"{PROG} --help"
            )
        )
    if args.file is None and (args.json or args.as_of is not None or args.sheet is not None):
        raise UsageError(_("--json, --as-of and --sheet need a roster FILE to read"))
    return targets


def write_outputs(
    targets: dict[str, Path], result: RosterResult | None, *, force: bool, today: date
) -> list[tuple[str, Path]]:
    """Write each file asked for; returns what was written (an error is a `UsageError`)."""
    from certalign_gui.basics.file_writing import FileWriteError
    from certalign_gui.presentation.file_words import file_write_sentence
    from certalign_gui.roster.output import save

    written = []
    for option, path in targets.items():
        try:
            data = _make(option, path, result, today)
            if data is None:
                say(
                    _("{program}: {option}: nobody was assessed, so no file was written").format(
                        program=TERMINAL_PROG, option=option
                    ),
                    stream=sys.stderr,
                )
                continue
            written.append((option, save(path, data, replace=force)))
        except FileWriteError as exc:
            raise UsageError(
                _("{option}: {problem}").format(option=option, problem=file_write_sentence(exc))
            ) from None
        except RuntimeError as exc:
            raise UsageError(
                _("{option}: could not make the PDF: {problem}").format(option=option, problem=exc)
            ) from None
    return written


def _make(option: str, path: Path, result: RosterResult | None, today: date) -> bytes | None:
    if option == "--template":
        from certalign_gui.roster.template import template_bytes

        return template_bytes(path.suffix)
    assert result is not None  # output_targets asked for a FILE
    if option == "--csv":
        from certalign_gui.roster.results_export import results_csv

        return results_csv(result)
    _offscreen_qt()
    if option == "--pdf":
        from certalign_gui.roster.pdf import summary_pdf

        return summary_pdf(result, printed_on=today)
    if not result.people:
        return None
    from certalign_gui.roster.checklists import checklists_pdf
    from certalign_gui.roster.summary import people_in_order

    return checklists_pdf(people_in_order(result), printed_on=today)


def _offscreen_qt() -> None:
    # Qt is loaded only here. The PDFs never show a window, so no display is needed.
    use_headless_qt()


def _print_results(result: RosterResult, *, as_json: bool) -> None:
    try:
        if as_json:
            from certalign_gui.roster.results_export import write_json

            write_json(result, sys.stdout)
        else:
            sys.stdout.write(format_text(result))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader took what it wanted; the files asked for are still written.
        pipe_closed(sys.stdout)
