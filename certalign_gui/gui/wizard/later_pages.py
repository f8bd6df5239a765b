"""The wizard's pages after the first one, and the rules they ask.

The first page is painted without this module: it brings in the rules (pydantic) and four
pages. The composition root (`certalign_gui.app`) imports it right after the first paint
and hands `build_later_pages` to the wizard (`AlignmentWizard.set_policy`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from certalign_gui import rules
from certalign_gui.gui.wizard.alignment_wizard import WizardParts
from certalign_gui.gui.wizard.pages.details_page import DetailsPage
from certalign_gui.gui.wizard.pages.ma_page import MaPage
from certalign_gui.gui.wizard.pages.nremt_page import NremtPage
from certalign_gui.gui.wizard.pages.results_page import ResultsPage
from certalign_gui.gui.wizard.situation import build_situation
from certalign_gui.rules import Assessment, Policy, Situation

if TYPE_CHECKING:
    from certalign_gui.gui.wizard.results_view import ResultsView


@dataclass(frozen=True)
class LaterPages:
    """The question pages and the answer page, and the policy they ask for."""

    policy: Policy
    ma: MaPage
    nremt: NremtPage
    details: DetailsPage
    results: ResultsPage

    def situation(self, as_of: date | None) -> Situation:
        """The answers so far; raises pydantic's ValidationError if they do not fit."""
        status = self.nremt.status()
        ma = self.ma.ma_expiration()
        if status is None or as_of is None or ma is None:
            raise ValueError("the questions have not all been answered")
        return build_situation(
            as_of=as_of,
            ma_expiration=ma,
            nremt_status=status,
            nremt_expiration=self.nremt.nremt_expiration(),
        )

    def assess(self, as_of: date | None) -> Assessment:
        """The answer to the questions as typed."""
        # `rules.assess` loads the engine (and dateutil) with the first answer, not here.
        return rules.assess(self.situation(as_of), self.policy)


#: Makes the answer page's content, for the details page and the wizard's parts, when the
#: first answer is shown (the composition root decides when its module loads).
ViewFactory = Callable[[DetailsPage, WizardParts], "ResultsView"]

#: What the wizard is given to build its later pages: `build_later_pages` with its
#: ``make_view`` chosen.
LaterPagesFactory = Callable[[Policy, WizardParts], LaterPages]


def build_later_pages(
    policy: Policy,
    parts: WizardParts,
    *,
    make_view: ViewFactory,
) -> LaterPages:
    """The four pages for ``policy``; ``make_view`` makes the answer page's content."""
    ma = MaPage(policy, parts.today)
    nremt = NremtPage(policy, parts.today, lambda: (parts.as_of(), ma.ma_expiration()))
    details = DetailsPage(idle_minutes=parts.idle_minutes)
    results = ResultsPage(lambda: make_view(details, parts))
    return LaterPages(policy, ma, nremt, details, results)
