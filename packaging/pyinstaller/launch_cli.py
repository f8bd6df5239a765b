"""Frozen entry point of the `certalign` executable (the command line)."""

import sys

from certalign_gui.cli import main

sys.exit(main())
