"""The paper a new printout or PDF uses when the printer does not say: Letter or A4."""

from __future__ import annotations

from PySide6.QtCore import QLocale

#: Where Letter is the usual paper although the locale measures in metric.
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.PuertoRico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
}


def default_page_size(locale: QLocale | None = None) -> str:
    """Letter (the US default) unless the locale is one where A4 is the usual paper."""
    locale = locale or QLocale.system()
    if (
        locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        or locale.territory() in LETTER_TERRITORIES
        or locale.territory() == QLocale.Country.AnyTerritory
    ):
        return "letter"
    return "a4"
