"""Turning what the pages hold into a `Situation`, and its problems into plain words."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from certalign_gui.presentation.input_words import expired_after_advice_date, situation_sentence
from certalign_gui.rules import Situation
from certalign_gui.rules.models import EXPIRED_AFTER_ADVICE_DATE, NremtStatus, situation_problems


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
        if any(p.code == EXPIRED_AFTER_ADVICE_DATE for p in situation_problems(exc)):
            assert nremt_expiration is not None  # the rules raise this only with a date
            return expired_after_advice_date(nremt_expiration, as_of)
        return situation_sentence(exc)
    return None
