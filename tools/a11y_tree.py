"""Print what a screen reader (AT-SPI) gets from certalign-gui, page by page.

Starts a private desktop (Xvfb, D-Bus, the AT-SPI bus, openbox: the packages from
`sh tools/system-deps.sh test`), walks the first worked example with real key presses,
and prints, for each page, the objects on screen (role, name, states, Text), then the
answer page in Tab order, top to bottom. The same walk is what tests/a11y asserts on.

    .venv/bin/python tools/a11y_tree.py            # everything
    .venv/bin/python tools/a11y_tree.py --json F   # also the raw trees, as JSON, in F
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "a11y"))

from a11y_desktop import Desktop
from a11y_walk import report, walk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the raw snapshots here")
    args = parser.parse_args()
    with Desktop() as desktop:
        record = walk(desktop)
    print(report(record))
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(record), indent=1))
    return 1 if record.error else 0


if __name__ == "__main__":
    sys.exit(main())
