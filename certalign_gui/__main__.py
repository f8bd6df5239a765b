"""`python -m certalign_gui` starts the window, like `certalign-gui`."""

import sys

from certalign_gui.app import main

sys.exit(main())
