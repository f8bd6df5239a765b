"""certalign: OEMS / NREMT one-year alignment, from two dates to a printed checklist."""

__version__ = "0.1.0"
