"""The OEMS one-year alignment rules: pure Python, no Qt, no clock (see RULES.md).

The rules return facts (codes, dates, numbers, a `Decimal` fee), never sentences: the words
are the presentation's (`certalign_gui.presentation`), from the one message catalogue.

The names below load on first use (PEP 562), so that `certalign_gui.rules.typed_dates` and
`certalign_gui.rules.links` can be used without importing pydantic: the window paints its
first page before the models are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certalign_gui.rules.engine import DEADLINE_KINDS, STEP_IDS, assess, decide
    from certalign_gui.rules.links import ALLOWED_HOSTS, is_allowed_url
    from certalign_gui.rules.models import Assessment, Deadline, Fee, Situation, Step, Urgency
    from certalign_gui.rules.policy import Policy, PolicyError, load_policy

_HOMES = {
    "certalign_gui.rules.engine": ("DEADLINE_KINDS", "STEP_IDS", "assess", "decide"),
    "certalign_gui.rules.links": ("ALLOWED_HOSTS", "is_allowed_url"),
    "certalign_gui.rules.models": ("Assessment", "Deadline", "Fee", "Situation", "Step", "Urgency"),
    "certalign_gui.rules.policy": ("Policy", "PolicyError", "load_policy"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "ALLOWED_HOSTS",
    "DEADLINE_KINDS",
    "STEP_IDS",
    "Assessment",
    "Deadline",
    "Fee",
    "Policy",
    "PolicyError",
    "Situation",
    "Step",
    "Urgency",
    "assess",
    "decide",
    "is_allowed_url",
    "load_policy",
]


def __getattr__(name: str) -> object:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(name)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
