"""Bounds shared by the rules and the date fields (no pydantic here: the GUI loads it early)."""

#: Dates outside these years are refused: no certification is that old or that far off,
#: and the date arithmetic (a year later, the autumn before) stays in range.
MIN_YEAR = 1950
MAX_YEAR = 2199
