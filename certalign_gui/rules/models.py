"""The rules' input (`Situation`) and output (`Assessment`), as frozen pydantic models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR

NremtStatus = Literal["active", "expired", "never"]
Category = Literal[
    "one_year_alignment",
    "alignment_not_yet_due",
    "reverse_off_cycle",
    "expired_nremt",
    "already_aligned",
    "outside_guidance",
]
Phase = Literal["open", "past_recommended", "late"]
Reason = Literal[
    "no_nremt",
    "ma_late_window_closed",
    "cycle_before_published_process",
    "cycles_too_far_apart",
]
StepId = Literal[
    "update_contact_info",
    "submit_alignment_application",
    "confirm_new_ma_date",
    "renew_nremt",
    "renew_ma",
    "recertify_nremt",
    "complete_alignment_after_nremt",
    "wait_for_instructions",
    "regain_nremt",
    "contact_oems",
]
DeadlineKind = Literal[
    "recommended",
    "ma_expiration",
    "late_submission",
    "nremt_expiration",
    "alignment_window_opens",
]
UrgencyLevel = Literal["expired", "urgent", "soon", "on_track", "info"]


_FIELD_NAMES = {
    "ma_expiration": "Massachusetts expiration date",
    "nremt_expiration": "NREMT expiration date",
    "as_of": "advice date",
}


#: The error type of an "expired" NREMT certification dated after the advice date.
EXPIRED_AFTER_ADVICE_DATE = "nremt_expired_after_advice_date"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Situation(_Frozen):
    """What the user told us: the two certifications and the day the advice is for."""

    ma_expiration: date
    nremt_status: NremtStatus = "active"
    nremt_expiration: date | None = None
    as_of: date

    @field_validator("ma_expiration", "nremt_expiration", "as_of")
    @classmethod
    def _plausible_year(cls, value: date | None) -> date | None:
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Situation:
        if self.nremt_status == "active" and self.nremt_expiration is None:
            raise ValueError(
                "nremt_expiration: an active NREMT certification needs its expiration date"
            )
        if self.nremt_status == "never" and self.nremt_expiration is not None:
            raise ValueError(
                "nremt_expiration: leave it empty when NREMT certification was never held"
            )
        if (
            self.nremt_status == "expired"
            and self.nremt_expiration is not None
            and self.nremt_expiration > self.as_of
        ):
            # A code of its own: the window says this one in its own words.
            raise PydanticCustomError(
                EXPIRED_AFTER_ADVICE_DATE,
                "nremt_expiration: an expired NREMT certification cannot expire after the "
                "advice date; choose 'active' if it is still valid",
            )
        return self


class Fee(_Frozen):
    """Money as Decimal; JSON shows the amount as a string such as "62.50"."""

    amount: Decimal
    currency: Literal["USD"]


class Citation(_Frozen):
    """The sentence of the published guidance (or mass.gov page) a step comes from.

    ``cycle`` is the certification cycle the quoted guidance was written for (None for a
    page that is not about one cycle): a quote for another cycle is labelled as such.
    """

    text: str
    source: str
    cycle: int | None = None


class Step(_Frozen):
    """One line of the checklist."""

    id: StepId
    title: str
    detail: str
    due: date | None
    days_left: int | None = Field(description="due minus as_of, in days; negative when past")
    url: str | None
    url_label: str | None
    citation: Citation


class Deadline(_Frozen):
    """A dated milestone on the timeline."""

    kind: DeadlineKind
    date: date
    label: str
    days_from_as_of: int


class Urgency(_Frozen):
    """The banner: a level for the colour and icon, and the words that carry the meaning."""

    level: UrgencyLevel
    text: str


class Link(_Frozen):
    """A link the GUI and the printout may show."""

    label: str
    title: str
    url: str


class PolicyInfo(_Frozen):
    """Where the advice comes from."""

    title: str
    publisher: str
    source: str
    cycle: int
    last_checked: date
    urls: dict[str, str]
    links: dict[str, Link]


class Assessment(_Frozen):
    """The whole answer for one `Situation`."""

    category: Category
    phase: Phase | None
    reason: Reason | None
    headline: str
    explanation: str
    urgency: Urgency
    can_staff_ambulance: bool
    fee: Fee | None
    fee_text: str | None
    projected: bool
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[str, ...]
    policy: PolicyInfo
    situation: Situation


def describe_situation_error(exc: ValidationError) -> str:
    """One readable sentence per problem in a `Situation`, each naming the field."""
    lines = []
    for error in exc.errors():
        message = str(error["msg"]).removeprefix("Value error, ")
        field = ".".join(str(part) for part in error["loc"])
        if not field and ": " in message:
            field, message = message.split(": ", 1)
        if error["type"] == "missing":
            message = "is required"
        elif error["type"].startswith("date"):
            message = f"is not a real calendar date ({message})"
        name = _FIELD_NAMES.get(field, field or "input")
        lines.append(
            f"{name} ({field}): {message}" if field in _FIELD_NAMES else f"{name}: {message}"
        )
    return "; ".join(lines)
