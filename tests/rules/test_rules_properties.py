"""Properties of assess() over the whole date space (years 2000-2100, any as-of, every status)."""

from urllib.parse import urlsplit

import pytest
from hypothesis import event, given
from pydantic import ValidationError
from rules_strategies import any_date, situation_fields

from certalign_gui.presentation.answer import present
from certalign_gui.rules import Assessment, Situation, assess

# RULES.md's step table, copied here rather than read from the engine.
STEPS = {
    "one_year_alignment": [
        "update_contact_info", "submit_alignment_application", "confirm_new_ma_date",
        "renew_nremt",
    ],
    "alignment_not_yet_due": ["update_contact_info", "wait_for_instructions"],
    "reverse_off_cycle": [
        "recertify_nremt", "update_contact_info", "complete_alignment_after_nremt",
    ],
    "expired_nremt": ["regain_nremt"],
    "already_aligned": [
        "update_contact_info", "renew_nremt", "renew_ma", "confirm_new_ma_date",
    ],
    "outside_guidance": ["contact_oems"],
}  # fmt: skip


def _host_allowed(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("mass.gov", "nremt.org", "www.nremt.org") or host.endswith(".mass.gov")


@given(situation_fields())
def test_assess_never_raises_and_keeps_its_promises(fields):
    situation = Situation(**fields)
    a = assess(situation)
    event(f"{a.category}/{a.phase or a.reason or '-'}")
    # Deadlines are sorted by date, and count days from the as-of day.
    dates = [d.date for d in a.deadlines]
    assert dates == sorted(dates)
    for deadline in a.deadlines:
        assert deadline.days_from_as_of == (deadline.date - situation.as_of).days
    # A certification is valid through its expiration day.
    assert a.can_staff_ambulance == (situation.as_of <= situation.ma_expiration)
    if not a.can_staff_ambulance:
        assert a.warnings[0].code == "ma_expired"
    # The fee exists exactly for the one-year alignment.
    assert (a.fee is not None) == (a.category == "one_year_alignment")
    # Steps: RULES.md's ids for the category, in order; days left from the as-of day.
    assert [s.id for s in a.steps] == STEPS[a.category]
    for step in a.steps:
        if step.due is None:
            assert step.days_left is None
        else:
            assert step.days_left == (step.due - situation.as_of).days
        if step.url is not None:
            assert step.url.startswith("https://")
            assert _host_allowed(step.url)
    for url in a.policy.urls.values():
        assert url.startswith("https://")
        assert _host_allowed(url)
    # Phase and reason only where they belong.
    assert (a.phase is not None) == (a.category == "one_year_alignment")
    assert (a.reason is not None) == (a.category == "outside_guidance")
    # The JSON form reads back as the same answer.
    assert Assessment.model_validate_json(a.model_dump_json()) == a


@given(situation_fields())
def test_no_placeholder_and_no_empty_sentence(fields):
    a = present(assess(Situation(**fields)))
    texts = [a.headline, a.explanation, a.banner, *a.cautions]
    texts += [t for s in a.steps for t in (s.title, s.detail)]
    for text in texts:
        assert text.strip()
        assert "{" not in text
        assert "}" not in text


@given(any_date, any_date, any_date)
def test_expired_nremt_dated_after_as_of_is_always_refused(ma, nremt, as_of):
    if nremt <= as_of:
        situation = Situation(
            ma_expiration=ma, nremt_status="expired", nremt_expiration=nremt, as_of=as_of
        )
        assert assess(situation).category == "expired_nremt"
    else:
        with pytest.raises(ValidationError, match="nremt_expiration"):
            Situation(ma_expiration=ma, nremt_status="expired", nremt_expiration=nremt, as_of=as_of)


@given(any_date, any_date, any_date)
def test_never_with_a_date_is_always_refused(ma, nremt, as_of):
    with pytest.raises(ValidationError, match="nremt_expiration"):
        Situation(ma_expiration=ma, nremt_status="never", nremt_expiration=nremt, as_of=as_of)
