"""Merge rules: when a candidate is a known fact, and what disputing evidence does."""

import datetime as dt
from decimal import Decimal

from db.enums import FactStatus, PolicyAction, ReviewStatus, Stance
from db.fuzzy_date import FuzzyDate
from ingest import merge


def dates(value: str | None) -> merge.Dates:
    if value is None:
        return merge.Dates()
    fuzzy = FuzzyDate.parse(value)
    return merge.Dates(fuzzy.earliest, fuzzy.latest)


def test_dates_are_compatible_when_one_lies_inside_the_other_or_one_is_unknown() -> None:
    assert merge.dates_compatible(dates("2024-05"), dates("2024-05-30"))
    assert merge.dates_compatible(dates("2024-05-30"), dates("2024"))
    assert merge.dates_compatible(dates(None), dates("2024-05-30"))
    assert not merge.dates_compatible(dates("2024-05"), dates("2024-06-01"))
    assert not merge.dates_compatible(dates("2024-05-30"), dates("2024-05-31"))
    overlapping = merge.Dates(dt.date(2024, 5, 20), dt.date(2024, 6, 10))
    assert not merge.dates_compatible(overlapping, dates("2024-05"))


def decision(
    id_: int,
    action: PolicyAction = PolicyAction.EASED,
    when: str | None = "2024-05",
    review: ReviewStatus = ReviewStatus.CURATED,
    country: int | None = 1,
) -> merge.DecisionIdentity:
    return merge.DecisionIdentity(id_, country, None, 7, action, dates(when), review)


def test_a_decision_matches_on_actor_topic_action_and_date() -> None:
    known = [decision(1), decision(2, PolicyAction.MAINTAINED), decision(3, country=2)]
    assert merge.match_decision(decision(0, when="2024-05-30"), known) == known[0]
    assert merge.match_decision(decision(0, when=None), known) == known[0]
    assert merge.match_decision(decision(0, when="2024-06-02"), known) is None
    assert merge.match_decision(decision(0, PolicyAction.LIFTED), known) is None


def test_an_undated_fact_does_not_absorb_a_dated_candidate() -> None:
    undated = decision(1, when=None)
    # A later, dated easing is a different decision until someone says otherwise.
    assert merge.match_decision(decision(0, when="2024-11-17"), [undated]) is None
    # An undated candidate joins the only decision it could be...
    assert merge.match_decision(decision(0, when=None), [decision(2, when="2024-05")])
    # ...and, when several could be meant, the undated one rather than a guess between dates.
    several = [decision(2, when="2024-05"), decision(3, when="2024-11"), undated]
    assert merge.match_decision(decision(0, when=None), several) == undated
    assert merge.match_decision(decision(0, when=None), several[:2]) is None


def test_rejected_facts_are_never_merge_targets_and_reviewed_ones_come_first() -> None:
    rejected = decision(1, review=ReviewStatus.REJECTED)
    assert merge.match_decision(decision(0), [rejected]) is None
    proposed, approved = (
        decision(2, review=ReviewStatus.PROPOSED),
        decision(5, review=ReviewStatus.APPROVED),
    )
    assert merge.match_decision(decision(0), [proposed, approved]) == approved


def test_aid_matches_on_donor_amount_currency_and_date() -> None:
    known = [merge.AidIdentity(1, 1, Decimal("275000000.00"), "USD", dates("2024-05"))]
    same = merge.AidIdentity(0, 1, Decimal(275000000), "USD", dates("2024-05-31"))
    assert merge.match_aid(same, known) == known[0]
    other_amount = merge.AidIdentity(0, 1, Decimal(2000000000), "USD", dates("2024-05"))
    assert merge.match_aid(other_amount, known) is None
    other_currency = merge.AidIdentity(0, 1, Decimal(275000000), "EUR", dates("2024-05"))
    assert merge.match_aid(other_currency, known) is None


def test_roles_match_on_person_and_title_ignoring_case() -> None:
    known = [merge.RoleIdentity(1, 9, "Secretary of State", None, 1)]
    assert merge.match_role(merge.RoleIdentity(0, 9, "secretary of  state", None, None), known)
    assert merge.match_role(merge.RoleIdentity(0, 9, "Secretary of State", None, 2), known) is None
    assert merge.match_role(merge.RoleIdentity(0, 8, "Secretary of State", None, 1), known) is None


def test_disputing_evidence_disputes_a_fact() -> None:
    assert merge.status_after(FactStatus.REPORTED, [Stance.DISPUTES]) == FactStatus.DISPUTED
    assert merge.status_after(FactStatus.CONFIRMED, [Stance.SUPPORTS, Stance.DISPUTES])
    assert merge.status_after(FactStatus.REPORTED, [Stance.SUPPORTS]) is None
    assert merge.status_after(FactStatus.DENIED, [Stance.DISPUTES]) is None
    assert merge.status_after(FactStatus.DISPUTED, [Stance.DISPUTES]) is None


def test_keys_are_readable_deterministic_and_bounded() -> None:
    assert merge.fact_key("US", "EASED", None, "2024-05-30") == "us-eased-2024-05-30"
    assert merge.slug("Pedro Sánchez") == "pedro-sanchez"
    long = merge.fact_key("x" * 100, "y" * 100, "z" * 100)
    assert len(long) <= 160 and long == merge.fact_key("x" * 100, "y" * 100, "z" * 100)
    assert long != merge.fact_key("x" * 100, "y" * 100, "z" * 99)
