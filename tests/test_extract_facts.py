"""Policy decisions, aid packages and denials from sentences written for these tests."""

from decimal import Decimal

import pytest

from db.enums import FactStatus, PolicyAction, Precision, Stance
from db.fuzzy_date import FuzzyDate
from ingest.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, extract

MONDAY = FuzzyDate("2024-06-03", Precision.DAY)


def _decisions(body: str) -> set[tuple[str | None, PolicyAction, str | None]]:
    result = extract(body, published=MONDAY)
    return {
        (d.country or d.organization, d.action, d.date.value if d.date else None)
        for d in result.policy_decisions
    }


def test_lifted_eased_maintained_refused_advocated() -> None:
    body = (
        "The Dutch government said on Saturday that Ukraine may use Dutch weapons against "
        "military targets on Russian territory. "
        "Washington has allowed Kyiv to hit Russian forces only near the border with Kharkiv. "
        "The Pentagon said the ban on long-range strikes deep inside Russia remains in place. "
        "Chancellor Olaf Scholz still refuses to send Taurus cruise missiles. "
        "Lithuania urged allies to lift their restrictions on strikes inside Russia."
    )
    found = _decisions(body)
    assert ("NL", PolicyAction.LIFTED, "2024-06-01") in found
    assert ("US", PolicyAction.EASED, "2024-06-03") in found
    assert ("US", PolicyAction.MAINTAINED, "2024-06-03") in found  # said: reported that day
    assert ("DE", PolicyAction.REFUSED, None) in found
    assert ("LT", PolicyAction.ADVOCATED, "2024-06-03") in found


def test_hypotheticals_and_questions_are_not_decisions() -> None:
    body = (
        "Paris could lift its restrictions on strikes inside Russia. "
        "Should Spain allow Ukraine to strike Russian territory? "
        "Rome is under pressure to let Kyiv use Italian weapons on Russian soil."
    )
    assert _decisions(body) == set()


def test_a_denial_disputes_the_decision() -> None:
    body = (
        "Officials said the White House had quietly allowed Ukraine to strike Russian territory "
        "near Kharkiv with American weapons. "
        "A Pentagon spokesman later insisted the policy had not changed."
    )
    result = extract(body, published=MONDAY)
    (decision,) = result.policy_decisions
    assert decision.action is PolicyAction.EASED
    assert decision.status is FactStatus.DISPUTED
    disputing = [s for s in decision.evidence if s.stance is Stance.DISPUTES]
    assert [s.quote for s in disputing] == [
        "A Pentagon spokesman later insisted the policy had not changed."
    ]
    for span in decision.evidence:
        assert body[span.start : span.end] == span.quote


def test_aid_packages_and_distractors() -> None:
    body = (
        "Norway on Friday announced a NOK 1.5bn package of air defence for Ukraine. "
        "It has sent roughly NOK 20 billion so far since February 2022. "
        "Its own defence budget grows by NOK 600 billion. "
        "Canada pledged C$500 million in military aid to Kyiv last month."
    )
    result = extract(body, published=MONDAY)
    found = {
        (a.donor, a.amount, a.currency, a.date.value if a.date else None)
        for a in result.aid_packages
    }
    assert found == {
        ("NO", Decimal("1500000000"), "NOK", "2024-05-31"),
        ("CA", Decimal("500000000"), "CAD", "2024-05"),
    }
    assert result.extractor == EXTRACTOR_NAME and result.version == EXTRACTOR_VERSION


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Paris gave Kyiv the go-ahead on Friday to use French SCALP missiles on Russian soil.",
            ("FR", "EASED"),
        ),
        (
            "The Canadian government is now allowing Ukraine to use its weapons on Russian soil.",
            ("CA", "LIFTED"),
        ),
        (
            "Spain kept its restrictions on Spanish arms in place, ruling out strikes on Russia.",
            ("ES", "MAINTAINED"),
        ),
        (
            "Chancellor Olaf Scholz again said no to Taurus, fearing escalation with Russia.",
            ("DE", "REFUSED"),
        ),
        (
            "Foreign Minister Radoslaw Sikorski wants allies to drop limits on strikes in Russia.",
            ("PL", "ADVOCATED"),
        ),
        (
            "Washington has not given permission for Ukraine to hit targets deep inside Russia.",
            ("US", "MAINTAINED"),
        ),
    ],
)
def test_varied_phrasings(body: str, expected: tuple[str, str]) -> None:
    result = extract(body, published=MONDAY)
    assert [(d.country, d.action.value) for d in result.policy_decisions] == [expected]
