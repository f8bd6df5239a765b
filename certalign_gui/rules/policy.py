"""The policy data file: every cycle-specific fact, validated once at load."""

from __future__ import annotations

import json
import tomllib
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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


class PolicyError(Exception):
    """The policy file is missing or invalid. ``str()`` names the file and the field."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"Policy file {path}: {problem}")
        self.path = path
        self.problem = problem


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
        except ValueError as exc:
            raise ValueError(f"{self.month}/{self.day} is not a day of the year") from exc
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
            raise ValueError('write the amount as text with two decimals, e.g. "62.50"')
        return value

    @field_validator("amount")
    @classmethod
    def _amount_is_money(cls, value: Decimal) -> Decimal:
        if not value.is_finite() or value < 0:
            raise ValueError("must be zero or more")
        if value.as_tuple().exponent != -2:
            raise ValueError('must have exactly two decimals, e.g. "62.50"')
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
            hosts = " or ".join(ALLOWED_HOSTS)
            raise ValueError(f"{value!r} is not an https address on {hosts}")
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
                raise ValueError(f"{name}: missing {', '.join(missing)}")
        if self.earliest_cycle > self.published_cycle:
            raise ValueError("earliest_cycle: must not be after published_cycle")
        return self

    def url(self, name: LinkName) -> str:
        """The URL of one of the policy's links."""
        return self.links[name].url


def _field_path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def describe_policy_error(exc: ValidationError) -> str:
    """One readable line per problem, each naming the field."""
    lines = []
    for error in exc.errors():
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key (check the spelling)"
        elif error["type"] == "missing":
            message = "missing"
        lines.append(f"field {_field_path(error['loc'])}: {message}")
    return "; ".join(lines)


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
            raise PolicyError(f"(built in) {POLICY_RESOURCE}", str(exc)) from None
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
        raise PolicyError(shown, "the file does not exist") from None
    except IsADirectoryError:
        raise PolicyError(shown, "this is a folder, not a policy file") from None
    except OSError as exc:
        raise PolicyError(shown, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise PolicyError(shown, "the file is empty")
    try:
        data = _parse(raw, name)
    except UnicodeDecodeError:
        raise PolicyError(shown, "is not UTF-8 text") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "JSON" if name.endswith(".json") else "TOML"
        raise PolicyError(shown, f"is not valid {kind} ({exc})") from None
    if not isinstance(data, dict):
        raise PolicyError(shown, "the top level must be a table of keys")
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(shown, describe_policy_error(exc)) from None
