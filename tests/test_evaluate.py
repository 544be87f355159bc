"""`frontline evaluate`: the matching rules, and the quality target on the development set."""

from decimal import Decimal

import pytest

from api.cli import main
from db.enums import PolicyAction, Precision
from db.fuzzy_date import FuzzyDate
from ingest.evaluate import (
    CORPUS_DIR,
    GoldAid,
    GoldDecision,
    GoldRole,
    aid_matches,
    dates_compatible,
    decision_matches,
    evaluate,
    load_split,
    match,
    role_matches,
)
from ingest.extract.model import (
    AidPackageCandidate,
    PersonRef,
    PersonRoleCandidate,
    PolicyDecisionCandidate,
)

DAY = FuzzyDate("2024-05-30", Precision.DAY)
MONTH = FuzzyDate("2024-05", Precision.MONTH)
OTHER_MONTH = FuzzyDate("2024-06", Precision.MONTH)
DEV_ARTICLES = len(list((CORPUS_DIR / "dev").glob("*.yaml")))


def test_dates_are_compatible_at_the_coarser_precision() -> None:
    assert dates_compatible(None, None)
    assert dates_compatible(DAY, MONTH) and dates_compatible(MONTH, DAY)
    assert not dates_compatible(DAY, OTHER_MONTH)
    assert not dates_compatible(None, MONTH) and not dates_compatible(MONTH, None)


def test_decisions_match_on_actor_action_and_date() -> None:
    predicted = PolicyDecisionCandidate(
        country="US", organization=None, action=PolicyAction.EASED, date=DAY
    )
    assert decision_matches(predicted, GoldDecision("US", "EASED", MONTH))
    assert not decision_matches(predicted, GoldDecision("US", "LIFTED", MONTH))
    assert not decision_matches(predicted, GoldDecision("GB", "EASED", MONTH))
    nato = PolicyDecisionCandidate(country=None, organization="nato", action=PolicyAction.ADVOCATED)
    assert decision_matches(nato, GoldDecision("org:nato", "ADVOCATED", None))


def test_aid_and_people_matching() -> None:
    aid = AidPackageCandidate(donor="SE", amount=Decimal(13_300_000_000), currency="SEK", date=DAY)
    assert aid_matches(aid, GoldAid("SE", Decimal("13300000000"), "SEK", MONTH))
    assert not aid_matches(aid, GoldAid("SE", Decimal("13300000000"), "EUR", MONTH))
    role = PersonRoleCandidate(
        person=PersonRef("Pål Jonson", "pal-jonson"), title="defence minister,"
    )
    assert role_matches(role, GoldRole("Pål Jonson", "Defence Minister"))
    assert not role_matches(role, GoldRole("Pål Jonson", "Prime Minister"))


def test_matching_is_one_to_one() -> None:
    fp, fn = match([1, 1, 2], [1, 3], lambda p, g: p == g)
    assert (fp, fn) == ([1, 2], [3])


def test_seeds_load_with_their_curated_facts() -> None:
    report = evaluate("seeds", load_split("seeds"))
    assert report.articles == 5
    assert report.tallies["aid_packages"].tp == 2


@pytest.mark.skipif(DEV_ARTICLES < 25, reason=f"dev corpus has {DEV_ARTICLES} articles (< 25)")
def test_dev_target_precision_and_recall() -> None:
    report = evaluate("dev", load_split("dev"))
    for kind in ("policy_decisions", "aid_packages"):
        tally = report.tallies[kind]
        assert tally.precision >= 0.9 and tally.recall >= 0.9, (kind, tally)


def test_cli_refuses_errors_for_heldout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--split", "heldout", "--errors"]) == 2
    assert "refused" in capsys.readouterr().err
    assert main(["evaluate", "--split", "seeds"]) == 0
    assert "policy_decisions" in capsys.readouterr().out


def test_cli_scores_only_the_articles_named_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--split", "dev", "--only", "a01"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert rows and all(row[:2] == ["dev", "1"] for row in rows)
