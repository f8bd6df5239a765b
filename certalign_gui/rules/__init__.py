"""The OEMS one-year alignment rules: pure Python, no Qt, no clock (see RULES.md)."""

from certalign_gui.rules.engine import DEADLINE_KINDS, STEP_IDS, assess, decide
from certalign_gui.rules.links import ALLOWED_HOSTS, is_allowed_url
from certalign_gui.rules.models import Assessment, Deadline, Fee, Situation, Step, Urgency
from certalign_gui.rules.policy import Policy, PolicyError, load_policy
from certalign_gui.rules.wording import days_phrase, long_date, money

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
    "days_phrase",
    "decide",
    "is_allowed_url",
    "load_policy",
    "long_date",
    "money",
]
