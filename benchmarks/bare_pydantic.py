"""Floor 2: import pydantic, define one frozen model, validate one instance, print its JSON.

certalign --json is compared with this.
"""

from pydantic import BaseModel


class Situation(BaseModel, frozen=True):
    """One frozen model, like the CLI's input."""

    ma_expiration: str
    nremt_expiration: str


print(Situation(ma_expiration="2025-03-31", nremt_expiration="2026-03-31").model_dump_json())
