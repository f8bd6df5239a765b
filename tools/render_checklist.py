"""Render page 1 of the printed checklist to a PNG, to look at it (and for the README).

    .venv/bin/python tools/render_checklist.py                      # docs/checklist-page1.png
    .venv/bin/python tools/render_checklist.py --example late --page-size a4 --out /tmp/late.png

Makes the PDF exactly as the program does, then converts page 1 with poppler's pdftoppm
(Debian: poppler-utils, installed by `make test`). The examples are RULES.md's worked
examples, plus the longest page the rules can produce.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import render_pdf
from certalign_gui.rules import Situation, assess

ROOT = Path(__file__).resolve().parent.parent
#: name -> (MA expiration, NREMT status, NREMT expiration, as of), from RULES.md.
EXAMPLES = {
    "open": (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 1, 10)),
    "late": (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 4, 1)),
    "reverse": (date(2026, 3, 31), "active", date(2025, 3, 31), date(2025, 1, 10)),
    "expired-nremt": (date(2026, 3, 31), "expired", None, date(2025, 6, 1)),
    "not-yet-due": (date(2026, 3, 31), "active", date(2027, 3, 31), date(2025, 1, 10)),
    # Not in RULES.md: expired, both dates unusual and a projected cycle (four warnings).
    "longest": (date(2027, 3, 30), "active", date(2028, 3, 30), date(2027, 4, 2)),
}


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--example", choices=sorted(EXAMPLES), default="open")
    parser.add_argument("--page-size", choices=("letter", "a4"), default="letter")
    parser.add_argument("--dpi", type=int, default=90, help="resolution of the PNG (default 90)")
    parser.add_argument("--name", default="", help="a name for the header (default: none)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "checklist-page1.png")
    parser.add_argument("--keep-pdf", type=Path, help="also keep the PDF here")
    args = parser.parse_args(argv)
    # No window is shown: the offscreen platform works with or without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    ma, status, nremt, as_of = EXAMPLES[args.example]
    situation = Situation(
        ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of
    )
    data, result = render_pdf(
        assess(situation),
        Details(name=args.name),
        printed_on=situation.as_of,
        page_size=args.page_size,
    )
    with tempfile.TemporaryDirectory() as work:
        pdf = Path(work) / "checklist.pdf"
        pdf.write_bytes(data)
        if args.keep_pdf:
            shutil.copyfile(pdf, args.keep_pdf)
        stem = Path(work) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "1", "-singlefile",
             str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stem.with_suffix(".png"), args.out)
    size = args.out.stat().st_size
    print(
        f"{args.out}: {args.example}, {args.page_size}, {args.dpi} dpi, {size // 1024} KB; "
        f"PDF {len(data) // 1024} KB, content {result.content_height / result.page_height:.0%} "
        f"of the page, scale {result.scale:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
