"""Turning what the pages hold into a `Situation`, and its problems into plain words."""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationError

from certalign_gui.rules import Situation
from certalign_gui.rules.models import NremtStatus, describe_situation_error

_FIELD_KEY = re.compile(r" \([a-z_]+\)(?=:)")


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
        # The rules name the field for programmers too ("... (nremt_expiration): ...").
        text = _FIELD_KEY.sub("", describe_situation_error(exc))
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    return None
