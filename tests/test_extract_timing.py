"""Which date a fact takes when its own sentence gives none (sentences written for these tests)."""

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract
from ingest.extract.anchors import anchored
from ingest.extract.dates import find_dates
from ingest.extract.text import sentences

FRIDAY = FuzzyDate("2024-06-07", Precision.DAY)


def _decisions(body: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (d.country or d.organization, d.action.value, d.date.value if d.date else None)
        for d in extract(body, published=FRIDAY).policy_decisions
    }


def _aid(body: str) -> set[tuple[str, str | None]]:
    return {
        (a.donor, a.date.value if a.date else None)
        for a in extract(body, published=FRIDAY).aid_packages
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He flew home on 3 June. Two days later the cabinet met.", "2024-06-05"),
        ("The vote was on 3 June. The minister resigned the next day.", "2024-06-04"),
        ("The vote was on 3 June. A week later, nothing had moved.", "2024-06-10"),
        ("Talks ended on 3 June. The memo was written three days earlier.", "2024-05-31"),
        ("Talks ended on 3 June. Officials had met the previous evening.", "2024-06-02"),
        ("On 3 June the envoy arrived. In the same month, the plan stalled.", "2024-06"),
    ],
)
def test_phrases_counted_from_the_last_date(text: str, value: str) -> None:
    first, second = sentences(text)
    last = find_dates(first.text, first.start, FRIDAY)[0].date
    found = find_dates(second.text, second.start, FRIDAY)
    hits = anchored(second, found, last) or anchored(first, [], None)
    assert [h.date.value for h in hits if h.date] == [value]


def test_a_clause_after_a_day_after_happened_a_day_before_the_anchor() -> None:
    body = (
        "Norway said on Wednesday that Ukraine may use Norwegian weapons against targets in "
        "Russia. The Norwegian step came a day after Danish officials said Copenhagen had "
        "allowed Kyiv to strike Russian territory with Danish F-16s."
    )
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-05"), ("DK", "LIFTED", "2024-06-04")}


def test_a_shifted_month_never_invents_a_day() -> None:
    body = (
        "Oslo moved in early May. Two days after that, Helsinki said Ukraine may use Finnish "
        "weapons against targets inside Russia."
    )
    (decision,) = extract(body, published=FRIDAY).policy_decisions
    assert decision.date == FuzzyDate("2024", Precision.YEAR)  # 3 May to 2 June: only the year


@pytest.mark.parametrize(
    "lead",
    [
        "The turn came on Tuesday.",
        "It happened on Tuesday, after weeks of pressure.",
        "That announcement was made on Tuesday.",
    ],
)
def test_a_short_lead_in_sentence_dates_the_next_one(lead: str) -> None:
    body = lead + " Speaking in Oslo, the prime minister said Ukraine may use Norwegian weapons "
    body += "against targets on Russian territory, the first time Norway has said so."
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-04")}


def test_a_long_sentence_with_a_date_is_not_a_lead_in() -> None:
    body = (
        "Russian forces opened a new push towards the city on Tuesday, shelling villages and "
        "roads along the whole front for hours. Norway's prime minister said Ukraine may use "
        "Norwegian weapons against targets on Russian territory."
    )
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-07")}


@pytest.mark.parametrize(
    "body",
    [
        "Hungary continues to oppose lifting the limits on strikes inside Russia.",
        "The Czech president has long argued that Ukraine should be free to hit targets in Russia.",
        "For months Lisbon has urged allies to lift their limits on strikes in Russia.",
        "Warsaw has consistently said Kyiv may use Polish arms against targets in Russia.",
    ],
)
def test_standing_positions_have_no_date(body: str) -> None:
    decisions = _decisions(body)
    assert decisions and all(date is None for _, _, date in decisions)


def test_a_spending_period_does_not_date_the_pledge() -> None:
    body = (
        "Austria will give Ukraine €200 million in humanitarian aid this year, its chancellor "
        "said on Wednesday. Ireland on Monday pledged €50 million for Ukraine next year."
    )
    assert _aid(body) == {("AT", "2024-06-05"), ("IE", "2024-06-03")}


def test_a_past_verb_before_a_weekday_wins_over_future_words() -> None:
    text = "Spain will send more shells under a pact it signed in Madrid on Monday."
    (hit,) = find_dates(text, 0, FRIDAY)
    assert hit.date == FuzzyDate("2024-06-03", Precision.DAY)
    (ahead,) = find_dates("The pact will be signed on Monday.", 0, FRIDAY)
    assert ahead.date == FuzzyDate("2024-06-10", Precision.DAY)


def test_what_an_easing_keeps_banned_takes_the_easings_date() -> None:
    body = (
        "Oslo has quietly allowed Kyiv to hit Russian units near the border with Norwegian "
        "rockets, officials said on Tuesday. Ukrainians will not be able to use them for "
        "strikes deep inside Russia."
    )
    assert _decisions(body) == {("NO", "EASED", "2024-06-04"), ("NO", "MAINTAINED", "2024-06-04")}


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        ("Danish officials emphasised that the ban on strikes in Russia remains in place.", True),
        (
            "Several leaders, including Lithuania's president, have called to lift the limits on "
            "strikes in Russia.",
            False,
        ),
    ],
)
def test_a_state_reported_in_the_past_tense_is_dated(body: str, dated: bool) -> None:
    (decision,) = extract(body, published=FRIDAY).policy_decisions
    assert (decision.date is not None) is dated
