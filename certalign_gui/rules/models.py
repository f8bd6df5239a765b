"""The rules' input (`Situation`) and output (`Assessment`), as frozen pydantic models."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
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
#: What the banner is about: the words are the presentation's, the facts are these.
UrgencyKind = Literal["expired", "regain_nremt", "contact_oems", "not_yet_due", "due"]
#: Which wording of a step fits the case (the step's id, or the id with a suffix).
StepVariant = Literal[
    "update_contact_info",
    "submit_alignment_application",
    "submit_alignment_application_by_expiry",
    "submit_alignment_application_past_recommended",
    "submit_alignment_application_late",
    "confirm_new_ma_date",
    "renew_nremt",
    "renew_ma",
    "recertify_nremt",
    "complete_alignment_after_nremt",
    "wait_for_instructions",
    "regain_nremt",
    "regain_nremt_reinstatement_open",
    "regain_nremt_reinstatement_closed",
    "contact_oems",
]
WarningCode = Literal[
    "ma_expired",
    "ma_late_window_closed",
    "nremt_passed",
    "unusual_date",
    "projected",
]
Certification = Literal["ma", "nremt"]
LinkKey = Literal["elicensing", "nremt", "oems", "verification"]
#: The problems a `Situation` can have, besides pydantic's own error types.
SituationErrorCode = Literal[
    "year_out_of_range",
    "nremt_expiration_required",
    "nremt_expiration_not_allowed",
    "nremt_expired_after_advice_date",
]

#: The error type of an "expired" NREMT certification dated after the advice date.
EXPIRED_AFTER_ADVICE_DATE: Final = "nremt_expired_after_advice_date"


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
            raise PydanticCustomError(
                "year_out_of_range",
                "year_out_of_range",
                {"year": value.year, "low": MIN_YEAR, "high": MAX_YEAR},
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Situation:
        if self.nremt_status == "active" and self.nremt_expiration is None:
            raise _problem("nremt_expiration_required")
        if self.nremt_status == "never" and self.nremt_expiration is not None:
            raise _problem("nremt_expiration_not_allowed")
        if (
            self.nremt_status == "expired"
            and self.nremt_expiration is not None
            and self.nremt_expiration > self.as_of
        ):
            raise _problem(
                EXPIRED_AFTER_ADVICE_DATE,
                nremt_expiration=self.nremt_expiration,
                as_of=self.as_of,
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
    The text is a quotation from the policy file (data), not a sentence of the program.
    """

    text: str
    source: str
    cycle: int | None = None


class Step(_Frozen):
    """One line of the checklist: which step, which wording of it fits, when, and where."""

    id: StepId
    variant: StepVariant
    due: date | None
    #: ``due`` minus ``as_of``, in days; negative when past.
    days_left: int | None
    link: LinkKey | None
    url: str | None
    citation: Citation


class Deadline(_Frozen):
    """A dated milestone on the timeline."""

    kind: DeadlineKind
    date: date
    days_from_as_of: int


class Urgency(_Frozen):
    """The banner: a level for the colour and icon, what it is about, and its numbers.

    ``days``: for ``due``, the days until the nearest step that is not past;
    ``day``: for ``not_yet_due``, the day the alignment window opens.
    """

    level: UrgencyLevel
    kind: UrgencyKind
    days: int | None = None
    day: date | None = None


class Caution(_Frozen):
    """A warning, as a code and the values its sentence needs.

    ``day``: the date it is about (the expired card's date, the closed late window's last
    day, the passed NREMT date, the unusual date); ``certification``: which card an
    ``unusual_date`` is on; ``cycle`` and ``year``: for ``projected``, the published cycle
    and the person's Massachusetts year.
    """

    code: WarningCode
    day: date | None = None
    certification: Certification | None = None
    cycle: int | None = None
    year: int | None = None


class KeyDates(_Frozen):
    """The dates every rule and sentence is built from (beyond the situation's own)."""

    recommended: date
    late_deadline: date
    window_open: date
    #: The last day of NREMT's late reinstatement after the NREMT date (None without one).
    reinstatement_until: date | None


class DayOfYear(_Frozen):
    """A day of every year, such as March 31."""

    month: int
    day: int


class Link(_Frozen):
    """A link the GUI and the printout may show (label and title are policy data)."""

    label: str
    title: str
    url: str


class PolicyInfo(_Frozen):
    """Where the advice comes from, and the policy's days the sentences name."""

    title: str
    publisher: str
    source: str
    cycle: int
    earliest_cycle: int
    last_checked: date
    usual_expiration: DayOfYear
    reinstatement_until: DayOfYear
    urls: dict[str, str]
    links: dict[str, Link]


class Assessment(_Frozen):
    """The whole answer for one `Situation`, as facts: codes, dates and numbers.

    The presentation layer (`certalign_gui.presentation`) says it in words.
    """

    category: Category
    phase: Phase | None
    reason: Reason | None
    urgency: Urgency
    can_staff_ambulance: bool
    fee: Fee | None
    projected: bool
    steps: tuple[Step, ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[Caution, ...]
    dates: KeyDates
    policy: PolicyInfo
    situation: Situation


FieldName = Literal["ma_expiration", "nremt_status", "nremt_expiration", "as_of", ""]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a `Situation`: the field, a code, and the code's values.

    ``code`` is one of `SituationErrorCode` or a pydantic error type (``missing``,
    ``date_parsing``, ``date_from_datetime_inexact``, ``literal_error``, …); ``field`` is
    empty only for a problem pydantic cannot place.
    """

    field: str
    code: str
    arguments: dict[str, object]


def _problem(code: SituationErrorCode, **arguments: object) -> PydanticCustomError:
    """A problem of the whole situation that belongs to one field (named in the context)."""
    field = "nremt_expiration"
    # The message names the field and the code for a programmer; people read the
    # presentation's sentence for the code.
    return PydanticCustomError(code, ".".join((field, code)), {"field": field, **arguments})


_OUR_CODES = frozenset(typing.get_args(SituationErrorCode))


def situation_problems(exc: ValidationError) -> tuple[Problem, ...]:
    """Each problem of a `Situation` as ``(field, code, arguments)``, read from pydantic's
    structured errors (never from its message text)."""
    problems = []
    for error in exc.errors():
        context = dict(error.get("ctx") or {})
        field = ".".join(str(part) for part in error["loc"]) or str(context.pop("field", ""))
        context.pop("field", None)
        if error["type"] not in _OUR_CODES:
            # pydantic's own sentence (its words, not ours), for the cases it explains.
            context["message"] = error["msg"]
        problems.append(Problem(field=field, code=error["type"], arguments=context))
    return tuple(problems)
