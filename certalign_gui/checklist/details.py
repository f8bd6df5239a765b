"""The optional printout details. Held in memory only: never saved, logged or exported to .ics."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Details:
    """Name and certification numbers the user may type for the printout header."""

    name: str = ""
    ma_number: str = ""
    nremt_number: str = ""

    def is_empty(self) -> bool:
        """True when nothing was typed."""
        return not (self.name.strip() or self.ma_number.strip() or self.nremt_number.strip())
