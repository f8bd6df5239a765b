"""A file that could not be written, said in one sentence from the catalogue."""

from __future__ import annotations

from certalign_gui.basics.file_writing import FileWriteError
from certalign_gui.presentation.catalogue import _


def file_write_sentence(error: FileWriteError) -> str:
    """ "Could not save /path/x.pdf: the disk is full." in the current language (the reason
    is the catalogue's when it is one of ours, else the operating system's own words)."""
    return _("Could not save {path}: {reason}.").format(path=error.path, reason=_(error.reason))
