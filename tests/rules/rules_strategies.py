"""Hypothesis strategies for valid Situations, every date in the years 2000-2100.

Uniform dates over a century would rarely land on the few days where the answer changes,
so most draws are placed near the dates the rules compare: the expiration days, Feb 15,
Sep 1 of the year before and one year after.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

FIRST = date(2000, 1, 1)
LAST = date(2100, 12, 31)
any_date = st.dates(min_value=FIRST, max_value=LAST)


def clip(day: date) -> date:
    """Keep a derived date inside the years 2000-2100."""
    return min(max(day, FIRST), LAST)


#: Half the years sit around the published 2025 cycle, where the projected flag and the
#: earliest cycle switch; the rest anywhere in 2000-2100.
_years = st.one_of(st.sampled_from(range(2023, 2029)), st.sampled_from(range(2000, 2101)))
_usual_days = st.builds(
    lambda year, month_day: date(year, *month_day),
    _years,
    st.sampled_from([(3, 31), (3, 31), (3, 31), (1, 1), (2, 15), (6, 30), (12, 31)]),
)
_leap_days = st.builds(lambda year: date(year, 2, 29), st.sampled_from(range(2000, 2100, 4)))
ma_dates = st.one_of(_usual_days, _leap_days, any_date)


#: NREMT year minus Massachusetts year: mostly the cases the guidance covers.
_year_gaps = st.sampled_from([1, 1, 1, 1, 1, 1, 0, 0, -1, -1, 2, -2, 3, -5])


@st.composite
def _nremt_near(draw, ma: date) -> date:
    years = draw(_year_gaps)
    if draw(st.booleans()) and 2000 <= ma.year + years <= 2100:
        return date(ma.year + years, 3, 31)
    return clip(ma + relativedelta(years=years) + timedelta(days=draw(st.integers(-40, 40))))


@st.composite
def _as_of_near(draw, ma: date, nremt: date | None) -> date:
    keys = [
        date(ma.year - 1, 9, 1),
        date(ma.year, 2, 15),
        ma,
        ma + relativedelta(years=1),
    ]
    if nremt is not None:
        keys.append(nremt)
    key = draw(st.sampled_from(keys))
    spread = draw(st.sampled_from([1, 1, 3, 30, 200, 800]))
    return clip(key + timedelta(days=draw(st.integers(-spread, spread))))


@st.composite
def situation_fields(draw) -> dict:
    """The fields of a valid Situation (as_of anywhere, all three NREMT statuses)."""
    ma = draw(ma_dates)
    status = draw(st.sampled_from(["active", "active", "active", "active", "expired", "never"]))
    nremt = draw(st.one_of(_nremt_near(ma), _nremt_near(ma), _nremt_near(ma), any_date))
    near = _as_of_near(ma, nremt)
    as_of = draw(st.one_of(near, near, near, near, any_date))
    if status == "never":
        nremt = None
    elif status == "expired":
        nremt = draw(st.sampled_from([None, min(nremt, as_of)]))
    return {
        "ma_expiration": ma,
        "nremt_status": status,
        "nremt_expiration": nremt,
        "as_of": as_of,
    }
