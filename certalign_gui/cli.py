"""`certalign`: the alignment rules without a window (plain text or JSON, and PDF or .ics files).

This module must never import Qt at start-up: it runs on machines with no display and must
start fast. Only ``--pdf`` loads Qt (offscreen; Windows' own platform there), when the PDF
is made.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from certalign_gui import __version__, clock
from certalign_gui.presentation import catalogue
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import _
from certalign_gui.presentation.date_words import FORMS, date_refusal
from certalign_gui.presentation.input_words import describe_problems
from certalign_gui.presentation.plain_text import layout
from certalign_gui.presentation.policy_words import policy_error_text
from certalign_gui.rules import Assessment, Policy, PolicyError, Situation, assess, load_policy
from certalign_gui.rules.models import situation_problems
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date
from certalign_gui.terminal import (
    PROG,
    Parser,
    UsageError,
    language_first,
    output_path,
    pipe_closed,
    say,
    tell_error,
    use_headless_qt,
)

EXIT_OK = 0
EXIT_USAGE = 2


def parse_date(text: str, option: str) -> date:
    """Read a date as the window does (``2025-03-31``, ``03/31/2025``, ``3/31/25``, …);
    anything else is a `UsageError` naming the option and what is wrong."""
    try:
        return parse_typed_date(text)
    except DateTextError as refused:
        raise UsageError(
            _("{option}: {text} is not a date: {problem}").format(
                option=option, text=repr(text), problem=date_refusal(refused)
            )
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description=_(
            "Massachusetts OEMS one-year alignment with NREMT: what to do, by when, and the fee."
        ),
        epilog=_(
            "Example: {example}. Dates may be written {forms} (a two-digit year means 20YY)."
        ).format(
            example="certalign --ma-expires 2025-03-31 --nremt-expires 2026-03-31", forms=FORMS
        ),
    )
    parser.add_argument(
        "--ma-expires",
        metavar="DATE",
        required=True,
        help=_("expiration date on your Massachusetts (OEMS) card"),
    )
    parser.add_argument(
        "--nremt-status",
        choices=("active", "expired", "never"),
        default="active",
        help=_("your NREMT certification: active (default), expired, or never held"),
    )
    parser.add_argument(
        "--nremt-expires",
        metavar="DATE",
        help=_("expiration date of your NREMT certification (needed when active)"),
    )
    parser.add_argument(
        "--as-of", metavar="DATE", help=_("give the advice as of this day (default: today)")
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=_("print the full answer as JSON"))
    output.add_argument(
        "--text",
        action="store_true",
        help=_("print the checklist as text even when --pdf or --ics writes a file"),
    )
    parser.add_argument(
        "--policy", metavar="FILE", help=_("use this policy file instead of the built-in one")
    )
    parser.add_argument(
        "--lang",
        metavar="LANGUAGE",
        help=_(
            "the language of the answer, such as en (default: the system's, from LC_ALL, "
            "LC_MESSAGES or LANG; English when certalign has no catalogue for it)"
        ),
    )
    exports = parser.add_argument_group(
        _("files to take home"),
        _(
            "Write the one-page checklist (PDF) or the key dates (calendar). Existing files are "
            "kept unless you add --force. The name and numbers go on the PDF only."
        ),
    )
    exports.add_argument("--pdf", metavar="FILE", help=_("write the printable checklist as a PDF"))
    exports.add_argument(
        "--ics", metavar="FILE", help=_("write the key dates as a calendar file (.ics)")
    )
    exports.add_argument("--name", metavar="TEXT", help=_("your name, printed on the PDF"))
    exports.add_argument(
        "--ma-number",
        metavar="TEXT",
        help=_("your Massachusetts certification number, for the PDF"),
    )
    exports.add_argument("--nremt-number", metavar="TEXT", help=_("your NREMT number, for the PDF"))
    exports.add_argument(
        "--page-size",
        choices=("letter", "a4"),
        help=_("paper for the PDF: letter (default) or a4"),
    )
    exports.add_argument(
        "--force", action="store_true", help=_("replace files given to --pdf or --ics")
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def situation_from_args(args: argparse.Namespace, today: date) -> Situation:
    """Turn parsed options into a validated `Situation` (or a `UsageError`)."""
    fields: dict[str, object] = {
        "ma_expiration": parse_date(args.ma_expires, "--ma-expires"),
        "nremt_status": args.nremt_status,
        "as_of": parse_date(args.as_of, "--as-of") if args.as_of is not None else today,
    }
    # An empty value ("--as-of ''") is a mistake to report, not a missing option.
    if args.nremt_expires is not None:
        fields["nremt_expiration"] = parse_date(args.nremt_expires, "--nremt-expires")
    try:
        return Situation.model_validate(fields)
    except ValidationError as exc:
        raise UsageError(describe_problems(situation_problems(exc), _OPTIONS)) from None


def policy_from_args(args: argparse.Namespace) -> Policy | None:
    """The policy file named by ``--policy`` (None: the built-in one), or a `UsageError`."""
    if args.policy is None:
        return None
    try:
        return load_policy(args.policy)
    except PolicyError as exc:
        raise UsageError(f"--policy: {policy_error_text(exc)}") from None


def export_targets(args: argparse.Namespace) -> dict[str, Path]:
    """Check ``--pdf``/``--ics`` before anything is written (a `UsageError` names the problem)."""
    if args.pdf is None:
        for option, value in (
            ("--name", args.name),
            ("--ma-number", args.ma_number),
            ("--nremt-number", args.nremt_number),
            ("--page-size", args.page_size),
        ):
            if value is not None:
                raise UsageError(
                    _("{option} is for the PDF checklist: add --pdf FILE").format(option=option)
                )
    targets: dict[str, Path] = {}
    for option, value in (("--pdf", args.pdf), ("--ics", args.ics)):
        if value is None:
            continue
        path = output_path(option, value)
        if path.exists() and not args.force:
            raise UsageError(
                _("{option}: {path} already exists; add --force to replace it").format(
                    option=option, path=path
                )
            )
        targets[option] = path
    if len(targets) == 2 and targets["--pdf"] == targets["--ics"]:
        raise UsageError(_("--pdf and --ics name the same file"))
    return targets


def write_exports(
    args: argparse.Namespace, targets: dict[str, Path], assessment: Assessment, today: date
) -> None:
    """Write the files asked for; each success is one line: "certalign: wrote …".

    The lines go to stdout, which then holds nothing else, except with ``--json`` (stdout
    is the JSON) or ``--text`` (stdout is the checklist): then they go to stderr.
    """
    from certalign_gui.basics.file_writing import FileWriteError, atomic_write
    from certalign_gui.presentation.file_words import file_write_sentence

    for option, path in targets.items():
        all_past = False
        if option == "--pdf":
            try:
                data = _pdf(args, assessment, today)
            except RuntimeError as exc:
                raise UsageError(
                    _("--pdf: could not make the PDF: {problem}").format(problem=exc)
                ) from None
            line = _("{prog}: wrote the checklist to {path}")
        else:
            from certalign_gui.checklist.ics import deadlines_ics, has_coming_reminder

            data = deadlines_ics(assessment)
            line = _("{prog}: wrote the key dates to {path}")
            all_past = not has_coming_reminder(assessment, today)
        try:
            atomic_write(path, data)
        except FileWriteError as exc:
            raise UsageError(f"{option}: {file_write_sentence(exc)}") from None
        line = line.format(prog=PROG, path=path)
        say(line, stream=sys.stderr if args.json or args.text else sys.stdout)
        if option == "--ics" and all_past:
            say(
                _(
                    "{prog}: note: every reminder in {path} is already past; it will remind you "
                    "of nothing"
                ).format(prog=PROG, path=path),
                stream=sys.stderr,
            )


def _pdf(args: argparse.Namespace, assessment: Assessment, today: date) -> bytes:
    # Qt is loaded only here. The PDF never shows a window, so no display is needed.
    use_headless_qt()
    from certalign_gui.checklist.details import Details
    from certalign_gui.checklist.document import pdf_bytes

    details = Details(
        name=args.name or "", ma_number=args.ma_number or "", nremt_number=args.nremt_number or ""
    )
    return pdf_bytes(assessment, details, printed_on=today, page_size=args.page_size or "letter")


#: The option that sets each field of the situation, named in its problems.
_OPTIONS = {
    "ma_expiration": "--ma-expires",
    "nremt_expiration": "--nremt-expires",
    "as_of": "--as-of",
}


def answer_json(assessment: Assessment) -> dict[str, object]:
    """``--json``: the rules' facts (codes, dates, numbers) and, under ``"words"``, the same
    answer as sentences in the chosen language (``"language"``)."""
    words = asdict(present(assessment))
    return {
        **assessment.model_dump(mode="json"),
        "language": catalogue.language(),
        # Dates as ISO text, like the facts above.
        "words": json.loads(json.dumps(words, default=date.isoformat)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["roster"]:
        from certalign_gui.roster import roster_command

        return roster_command.main(arguments[1:])
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader stopped reading: its choice, not an error, and not worth a traceback.
        pipe_closed(sys.stdout, sys.stderr)
        return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        language_first(arguments)
        args = build_parser().parse_args(arguments)
        policy = policy_from_args(args)
        today = clock.today()
        situation = situation_from_args(args, today=today)
        assessment = assess(situation, policy)
        targets = export_targets(args)
    except UsageError as exc:
        tell_error(exc)
        return EXIT_USAGE
    except PolicyError as exc:
        tell_error(UsageError(policy_error_text(exc)))
        return EXIT_USAGE
    try:
        if args.json:
            json.dump(answer_json(assessment), sys.stdout, indent=2)
            sys.stdout.write("\n")
        elif args.text or not targets:
            sys.stdout.write(layout(present(assessment)))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader took what it wanted (certalign --json | head -1). Files asked for with
        # --pdf or --ics are still written: they do not depend on anyone reading stdout.
        pipe_closed(sys.stdout)
    try:
        write_exports(args, targets, assessment, today)
    except UsageError as exc:
        tell_error(exc)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
