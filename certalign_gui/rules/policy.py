"""The policy data file: every cycle-specific fact, validated once at load."""

from __future__ import annotations

import json
import tomllib
import typing
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.links import ALLOWED_HOSTS, is_allowed_url

POLICY_RESOURCE = "oems-alignment.toml"

LinkName = Literal["elicensing", "nremt", "oems", "verification"]
CitationKey = Literal[
    "update_contact_info",
    "submit_alignment_application",
    "submit_alignment_application_late",
    "confirm_new_ma_date",
    "renew_nremt",
    "renew_ma",
    "recertify_nremt",
    "complete_alignment_after_nremt",
    "wait_for_instructions",
    "regain_nremt",
    "contact_oems",
]
CycleYear = Annotated[int, Field(ge=2000, le=2100, strict=True)]
NonEmpty = Annotated[str, Field(min_length=1, strict=True)]


#: A problem of the file as a whole (no field to name).
FileProblemCode = Literal[
    "resource_missing",
    "file_missing",
    "is_a_folder",
    "unreadable",
    "empty",
    "not_utf8",
    "not_valid",
    "not_a_table",
]
FILE_PROBLEM_CODES = frozenset(typing.get_args(FileProblemCode))
#: A problem of a field (besides pydantic's own error types, such as "missing").
FieldProblemCode = Literal[
    "amount_not_text",
    "amount_negative",
    "amount_not_two_decimals",
    "url_not_allowed",
    "not_a_day_of_year",
    "keys_missing",
    "earliest_after_published",
]
PolicyProblemCode = FileProblemCode | FieldProblemCode
_OUR_CODES = FILE_PROBLEM_CODES | frozenset(typing.get_args(FieldProblemCode))


@dataclass(frozen=True)
class PolicyProblem:
    """One thing wrong with the policy file: the field (a dotted path; "" for the top level or
    the whole file), a code, and the code's values (pydantic's own errors keep pydantic's
    ``message``). The presentation says it in words."""

    field: str
    code: str
    arguments: dict[str, object] = dataclass_field(default_factory=dict)


class PolicyError(Exception):
    """The policy file is missing or invalid: which file (``built_in``: the one shipped with
    certalign) and each problem, as codes (`certalign_gui.presentation.policy_words`
    says them). ``str()`` is for a programmer: the path and the codes."""

    def __init__(self, path: str, *problems: PolicyProblem, built_in: bool = False) -> None:
        super().__init__(path, *(f"{p.field}.{p.code}" if p.field else p.code for p in problems))
        self.path = path
        self.problems = problems
        self.built_in = built_in


def _file_problem(code: PolicyProblemCode, **arguments: object) -> PolicyProblem:
    return PolicyProblem(field="", code=code, arguments=arguments)


def _custom(code: PolicyProblemCode, **arguments: object) -> PydanticCustomError:
    return PydanticCustomError(code, code, arguments)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MonthDay(_Strict):
    """A day of the year such as March 31 (checked against a leap year)."""

    month: int = Field(ge=1, le=12, strict=True)
    day: int = Field(ge=1, le=31, strict=True)

    @model_validator(mode="after")
    def _real_day(self) -> MonthDay:
        try:
            date(2000, self.month, self.day)
        except ValueError:
            raise _custom("not_a_day_of_year", month=self.month, day=self.day) from None
        return self

    def in_year(self, year: int) -> date:
        """This day in ``year``; February 29 falls back to February 28 in other years."""
        if (self.month, self.day) == (2, 29):
            try:
                return date(year, 2, 29)
            except ValueError:
                return date(year, 2, 28)
        return date(year, self.month, self.day)


class WindowOpens(MonthDay):
    """When the alignment window opens, relative to the Massachusetts expiration year."""

    years_before_expiration: int = Field(ge=0, le=2, strict=True)


class PolicyFee(_Strict):
    """The prorated alignment fee. The amount is a string so it can never be a float."""

    amount: Decimal
    currency: Literal["USD"]
    source: NonEmpty

    @field_validator("amount", mode="before")
    @classmethod
    def _amount_is_text(cls, value: object) -> object:
        if not isinstance(value, str):
            raise _custom("amount_not_text")
        return value

    @field_validator("amount")
    @classmethod
    def _amount_is_money(cls, value: Decimal) -> Decimal:
        if not value.is_finite() or value < 0:
            raise _custom("amount_negative")
        if value.as_tuple().exponent != -2:
            raise _custom("amount_not_two_decimals")
        return value


class PolicyLink(_Strict):
    """A link the program may show or open, with where it came from."""

    label: NonEmpty
    title: NonEmpty
    url: NonEmpty
    source: NonEmpty

    @field_validator("url")
    @classmethod
    def _allowed(cls, value: str) -> str:
        if not is_allowed_url(value):
            raise _custom("url_not_allowed", url=value, hosts=ALLOWED_HOSTS)
        return value


class Citation(_Strict):
    """The guidance sentence a step comes from; ``cycle``: the cycle that guidance is for."""

    text: NonEmpty
    source: NonEmpty
    cycle: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)


class Reinstatement(_Strict):
    """NREMT's late reinstatement period: after a March 31 expiration, ``until`` April 30."""

    until: MonthDay
    source: NonEmpty


class Policy(_Strict):
    """The whole policy file."""

    schema_version: Literal[1]
    title: NonEmpty
    publisher: NonEmpty
    source: NonEmpty
    last_checked: date
    published_cycle: CycleYear
    earliest_cycle: CycleYear
    usual_expiration: MonthDay
    recommended_by: MonthDay
    window_opens: WindowOpens
    late_window_years: int = Field(ge=1, le=5, strict=True)
    nremt_reinstatement: Reinstatement
    fee: PolicyFee
    links: dict[LinkName, PolicyLink]
    citations: dict[CitationKey, Citation]

    @model_validator(mode="after")
    def _complete(self) -> Policy:
        for name, keys in (("links", LinkName), ("citations", CitationKey)):
            missing = sorted(set(typing.get_args(keys)) - set(getattr(self, name)))
            if missing:
                raise _custom("keys_missing", table=name, keys=tuple(missing))
        if self.earliest_cycle > self.published_cycle:
            raise _custom("earliest_after_published")
        return self

    def url(self, name: LinkName) -> str:
        """The URL of one of the policy's links."""
        return self.links[name].url


def policy_problems(exc: ValidationError) -> tuple[PolicyProblem, ...]:
    """Each problem pydantic found, as field, code and values (read from its structured
    errors, never from its message text)."""
    problems = []
    for error in exc.errors():
        code = error["type"]
        arguments = dict(error.get("ctx") or {}) if code in _OUR_CODES else {}
        if code not in _OUR_CODES:
            # pydantic's own sentence (its words, not ours), for what it alone explains.
            arguments["message"] = error["msg"]
        field = ".".join(str(part) for part in error["loc"])
        problems.append(PolicyProblem(field=field, code=code, arguments=arguments))
    return tuple(problems)


def _parse(data: bytes, name: str) -> Any:
    if name.endswith(".json"):
        return json.loads(data.decode("utf-8"))
    return tomllib.loads(data.decode("utf-8"))


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate the policy file; ``None`` means the one shipped with certalign.

    Raises:
        PolicyError: the file is missing, unreadable, not TOML/JSON, or any field is
            invalid. The message names the file and the field.
    """
    if path is None:
        try:
            built_in = resource_path("policy", POLICY_RESOURCE)
        except MissingResourceError as exc:
            problem = _file_problem("resource_missing", detail=str(exc))
            raise PolicyError(POLICY_RESOURCE, problem, built_in=True) from None
        shown = str(built_in)
        reader = built_in.read_bytes
        name = POLICY_RESOURCE
    else:
        file = Path(path)
        shown = str(file)
        reader = file.read_bytes
        name = file.name.lower()
    try:
        raw = reader()
    except FileNotFoundError:
        raise PolicyError(shown, _file_problem("file_missing")) from None
    except IsADirectoryError:
        raise PolicyError(shown, _file_problem("is_a_folder")) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PolicyError(shown, _file_problem("unreadable", reason=reason)) from None
    if not raw.strip():
        raise PolicyError(shown, _file_problem("empty"))
    try:
        data = _parse(raw, name)
    except UnicodeDecodeError:
        raise PolicyError(shown, _file_problem("not_utf8")) from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "JSON" if name.endswith(".json") else "TOML"
        raise PolicyError(shown, _file_problem("not_valid", kind=kind, detail=str(exc))) from None
    if not isinstance(data, dict):
        raise PolicyError(shown, _file_problem("not_a_table"))
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(shown, *policy_problems(exc)) from None
