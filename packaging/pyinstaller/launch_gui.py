"""Frozen entry point of the `certalign-gui` executable (the wizard window)."""

import sys

from certalign_gui.app import main

sys.exit(main())
