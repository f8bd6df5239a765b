"""What changes when certalign runs from a PyInstaller bundle instead of a Python install."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

# The Linux bootloader prepends the bundle's own folder to LD_LIBRARY_PATH so the frozen
# Python finds its libraries, and keeps the user's value (if there was one) in *_ORIG.
LIBRARY_PATH = "LD_LIBRARY_PATH"
LIBRARY_PATH_ORIG = "LD_LIBRARY_PATH_ORIG"


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def restore_child_environment(
    environ: MutableMapping[str, str] | None = None, *, frozen: bool | None = None
) -> bool:
    """Give programs we start (xdg-open, the browser) the user's own library path back.

    They inherit our environment; with the bundle's copies of libraries first on their search
    path, xdg-open and browsers crash. This process keeps working: the dynamic loader read
    the variable when the bundle started. Returns True when the environment was changed.
    """
    if not (is_frozen() if frozen is None else frozen):
        return False
    env = os.environ if environ is None else environ
    original = env.pop(LIBRARY_PATH_ORIG, None)
    if original is not None:
        env[LIBRARY_PATH] = original
        return True
    return env.pop(LIBRARY_PATH, None) is not None
