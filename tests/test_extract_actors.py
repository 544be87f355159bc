"""Who acted when the actor is not the subject before the cue (sentences written here)."""

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract

FRIDAY = FuzzyDate("2024-06-07", Precision.DAY)


def _decisions(body: str) -> set[tuple[str | None, str]]:
    return {
        (d.country or d.organization, d.action.value)
        for d in extract(body, published=FRIDAY).policy_decisions
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Permission to strike Russian territory with Finnish weapons was granted by Finland.",
            {("FI", "LIFTED")},
        ),
        (
            "Kyiv has been cleared by Norway to use Norwegian arms against targets inside Russia.",
            {("NO", "LIFTED")},
        ),
        (
            "The green light for strikes on Russian soil was given by Spain on Tuesday.",
            {("ES", "LIFTED")},
        ),
    ],
)
def test_the_agent_of_a_passive_acts(body: str, expected: set[tuple[str, str]]) -> None:
    assert _decisions(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The first country to lift its restrictions on strikes inside Russia was Britain.",
            {("GB", "LIFTED")},
        ),
        (
            "Among the allies that let Ukraine hit targets in Russia with their arms is Canada.",
            {("CA", "LIFTED")},
        ),
        (
            "The latest government to allow Kyiv to strike Russian soil was Sweden, last week.",
            {("SE", "LIFTED")},
        ),
    ],
)
def test_a_cleft_names_its_actor_after_the_cue(body: str, expected: set[tuple[str, str]]) -> None:
    assert _decisions(body) == expected


def test_they_carries_every_actor_listed_before() -> None:
    body = (
        "Spain and Portugal signed security pacts with Kyiv on Monday. They also said Ukraine "
        "may use their weapons against targets inside Russia."
    )
    assert _decisions(body) == {("ES", "LIFTED"), ("PT", "LIFTED")}
    singular = body.replace("They also said", "The Spanish premier also said")
    assert _decisions(singular) == {("ES", "LIFTED")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Asked whether Ukraine could use Czech weapons against targets in Russia, Prime "
            "Minister Petr Fiala replied: yes.",
            {("CZ", "LIFTED")},
        ),
        (
            "Asked whether Kyiv may strike Russian territory with Dutch F-16s, the Dutch defence "
            "minister said yes on Wednesday.",
            {("NL", "LIFTED")},
        ),
        (
            "Asked if Ukrainian troops may fire Greek shells across the border into Russia, "
            "Greece's prime minister answered: absolutely not.",
            {("GR", "MAINTAINED")},
        ),
        (
            "Asked about Ukraine hitting bases in Russia with Latvian drones, the Latvian "
            "defence minister said: of course, near the border.",
            {("LV", "EASED")},
        ),
    ],
)
def test_a_bare_yes_or_no_answers_the_question(body: str, expected: set[tuple[str, str]]) -> None:
    assert _decisions(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Italy's position is unchanged: Italian arms may only be used inside Ukraine.",
        "Rome insists that the weapons it sends must be used within Ukrainian territory.",
    ],
)
def test_own_territory_limits_are_maintained_restrictions(body: str) -> None:
    assert _decisions(body) == {("IT", "MAINTAINED")}


def test_a_demonym_before_a_title_does_not_break_a_list() -> None:
    body = (
        "Leaders including NATO Secretary General Jens Stoltenberg and French President "
        "Emmanuel Macron urged allies to lift limits on strikes inside Russia."
    )
    assert _decisions(body) == {("nato", "ADVOCATED"), ("FR", "ADVOCATED")}
