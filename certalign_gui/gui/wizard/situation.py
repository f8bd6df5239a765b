"""Turning what the pages hold into a `Situation`, and its problems into plain words."""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from certalign_gui.rules import Situation
from certalign_gui.rules.models import (
    EXPIRED_AFTER_ADVICE_DATE,
    NremtStatus,
    describe_situation_error,
)
from certalign_gui.rules.wording import long_date

_FIELD_KEY = re.compile(r" \([a-z_]+\)(?=:)")
#: What is wrong and what to do, as a person would say it.
EXPIRED_AFTER_ADVICE_DATE_WORDS = (
    'You chose "I had one, but it has expired", but the date you typed, {nremt}, is after '
    "the advice date, {as_of}. If your NREMT certification is still valid, choose "
    '"Yes, it is active". If it has expired, check the date on your card.'
)


def build_situation(
    *, as_of: date, ma_expiration: date, nremt_status: NremtStatus, nremt_expiration: date | None
) -> Situation:
    """The rules' input; raises pydantic's ValidationError when the answers do not fit."""
    return Situation(
        ma_expiration=ma_expiration,
        nremt_status=nremt_status,
        nremt_expiration=nremt_expiration,
        as_of=as_of,
    )


def situation_problem(
    *, as_of: date, ma_expiration: date, nremt_status: NremtStatus, nremt_expiration: date | None
) -> str | None:
    """Why these answers are not a valid `Situation`, in words; None when they are."""
    try:
        build_situation(
            as_of=as_of,
            ma_expiration=ma_expiration,
            nremt_status=nremt_status,
            nremt_expiration=nremt_expiration,
        )
    except ValidationError as exc:
        if any(error["type"] == EXPIRED_AFTER_ADVICE_DATE for error in exc.errors()):
            assert nremt_expiration is not None  # the rules raise this only with a date
            return EXPIRED_AFTER_ADVICE_DATE_WORDS.format(
                nremt=long_date(nremt_expiration), as_of=long_date(as_of)
            )
        # The rules name the field for programmers too ("... (nremt_expiration): ...").
        text = _FIELD_KEY.sub("", describe_situation_error(exc))
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    return None
