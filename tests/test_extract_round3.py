"""Rules added after the fourth writer's articles, checked on sentences written for these tests."""

from decimal import Decimal

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract
from ingest.extract.dates import find_dates

FRIDAY = FuzzyDate("2024-06-07", Precision.DAY)
TOPIC = "Allies differ on whether Ukraine may strike targets in Russia with their weapons. "


def _decisions(body: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (d.country or d.organization, d.action.value, d.date.value if d.date else None)
        for d in extract(body, published=FRIDAY).policy_decisions
    }


def _aid(body: str) -> set[tuple[str, Decimal | None, str | None, str | None]]:
    return {
        (a.donor, a.amount, a.currency, a.date.value if a.date else None)
        for a in extract(body, published=FRIDAY).aid_packages
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Norway's government said on Tuesday that the jets it is delivering can be used "
            "against military targets inside Russia.",
            ("NO", "LIFTED", "2024-06-04"),
        ),
        (
            "Portugal confirmed on Monday that its howitzers may now be fired at targets on "
            "Russian soil.",
            ("PT", "LIFTED", "2024-06-03"),
        ),
        (
            TOPIC + "On Wednesday Austria announced a limited, border-only permission for "
            "Austrian weapons.",
            ("AT", "EASED", "2024-06-05"),
        ),
        (
            TOPIC + "In April, the Greek foreign minister, Nikos Dendias, said the permission "
            "now extends to any Russian unit massing across the border.",
            ("GR", "EASED", "2024-04"),
        ),
    ],
)
def test_passive_weapons_and_announced_permissions(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _decisions(body)


@pytest.mark.parametrize(
    "body",
    [
        TOPIC + "Italy has not said in public what its missiles may be used against.",
        TOPIC + "Spain's envoy said its stance on Ukraine using long-range weapons inside "
        "Russia was unchanged, and that no shift should be expected from the summit.",
    ],
)
def test_questions_and_expectations_are_not_decisions(body: str) -> None:
    assert not any(action in ("LIFTED", "ADVOCATED") for _, action, _ in _decisions(body))


@pytest.mark.parametrize(
    "body",
    [
        TOPIC + "Several MPs have urged the Government to let Kyiv strike Russian airfields "
        "with British missiles.",
        TOPIC + "Critics in Rome argue that Italy should drop its limits on strikes into Russia.",
        TOPIC + "Some in Paris privately argue that France could remove the restrictions.",
    ],
)
def test_pressure_at_home_is_not_the_countrys_advocacy(body: str) -> None:
    assert not any(action == "ADVOCATED" for _, action, _ in _decisions(body))


def test_the_allies_advocacy_still_counts_beside_ukrainian_pressing() -> None:
    body = (
        "On Monday the Polish and Dutch ministers visited Kyiv, where Ukrainian officials pressed "
        "them on the restrictions on strikes into Russia. Poland urged allies on Tuesday to "
        "lift the restrictions on Ukraine's use of their weapons against Russian territory."
    )
    found = _decisions(body)
    assert ("PL", "ADVOCATED", "2024-06-04") in found
    assert not any(actor == "NL" for actor, _, _ in found)


def test_arguing_for_strikes_on_launch_sites_is_advocacy() -> None:
    body = (
        TOPIC + "On Monday the Finnish president argued that Ukraine should be allowed to hit "
        "the airfields from which the bombers take off."
    )
    assert ("FI", "ADVOCATED", "2024-06-03") in _decisions(body)


@pytest.mark.parametrize(
    "body",
    [
        "Chancellor Olaf Scholz said on Wednesday he would not send Taurus missiles to Ukraine, "
        "and that his position on Taurus was unchanged.",
        "Berlin says its Taurus stance is unchanged. Germany will not supply Taurus missiles to "
        "Ukraine, a spokesman said on Wednesday.",
    ],
)
def test_an_unchanged_position_on_a_withheld_missile_restates_the_refusal(body: str) -> None:
    found = _decisions(body)
    assert {action for actor, action, _ in found if actor == "DE"} == {"REFUSED"}


def test_a_stance_on_strikes_that_names_a_missile_is_still_maintained() -> None:
    body = (
        "Germany will not supply Taurus missiles to Ukraine, a spokesman said on Wednesday. "
        "The ban on using German weapons against targets deep inside Russia remains in place."
    )
    assert {"REFUSED", "MAINTAINED"} <= {a for actor, a, _ in _decisions(body) if actor == "DE"}


@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "Latvia's policy has held since the middle of March, when its defence minister said "
            "Latvia had set no restrictions on strikes against Russian territory with its arms.",
            "2024-03",
        ),
        (
            "Nothing has moved since 2 April, when Estonia said Ukraine may use Estonian weapons "
            "against targets in Russia.",
            "2024-04-02",
        ),
    ],
)
def test_since_a_date_when_something_was_said_dates_what_was_said(body: str, date: str) -> None:
    assert any(d == date for _, action, d in _decisions(body) if action == "LIFTED")


def test_unlike_another_capital_is_not_a_second_actor() -> None:
    body = (
        "Unlike Paris, Madrid still does not allow Ukraine to strike Russian territory with "
        "Spanish weapons."
    )
    assert {actor for actor, _, _ in _decisions(body)} == {"ES"}


def test_persons_with_honorifics_and_possessives_act_for_their_country() -> None:
    body = (
        "It was confirmed on Tuesday that Sir Keir Starmer's government had given Kyiv the "
        "green light to fire British weapons at targets in Russia."
    )
    assert any(actor == "GB" for actor, _, _ in _decisions(body))


@pytest.mark.parametrize(
    "body",
    [
        "Neighbouring Sweden announced a military aid package worth SEK 5 billion on Tuesday.",
        "Nearby Finland on Tuesday announced €100 million in military aid for Ukraine.",
    ],
)
def test_a_country_after_a_capitalised_word_is_not_a_person(body: str) -> None:
    assert {donor for donor, _, _, _ in _aid(body)} == {"SE" if "Sweden" in body else "FI"}


@pytest.mark.parametrize(
    "body",
    [
        "Canada announced C$40 million in military aid for Ukraine on Tuesday. The package is "
        "part of a C$400 million commitment made in March.",
        "Japan will give Ukraine $1 billion in aid, separate from the $20 billion loan backed "
        "by immobilised Russian central bank assets.",
        "Norway on Tuesday pledged NOK 500 million for Ukraine. Norway had earlier in the year "
        "earmarked NOK 3 billion for Ukrainian air defence.",
        "Belgium announced €80 million in aid for Ukraine on Tuesday; Belgium had previously "
        "allocated €600 million for F-16 support.",
    ],
)
def test_envelopes_other_schemes_and_earlier_packages_are_not_new_packages(body: str) -> None:
    assert len(_aid(body)) == 1


def test_given_as_part_of_a_package_is_that_package() -> None:
    body = "Poland will send Ukraine two radars as part of a PLN 1 billion military aid package."
    assert {(d, a) for d, a, _, _ in _aid(body)} == {("PL", Decimal(1_000_000_000))}


def test_a_yearly_commitment_is_a_pledge_whatever_the_tense() -> None:
    body = (
        "How much is Denmark spending? The government has committed DKK 8 billion a year in "
        "military aid to Ukraine, a promise the prime minister repeated in March."
    )
    assert ("DK", Decimal(8_000_000_000), "DKK", "2024-03") in _aid(body)


def test_a_headline_period_gives_way_to_the_day_in_the_body() -> None:
    body = (
        "Korea pledges $300 million for Ukraine this year\n\n"
        "SEOUL, South Korea, June 7 - Korea will provide Ukraine with $300 million in aid this "
        "year, the president said after talks with Zelensky on Thursday."
    )
    assert _aid(body) == {("KR", Decimal(300_000_000), "USD", "2024-06-06")}


def test_a_weekday_after_a_verb_of_saying_is_past_even_after_will() -> None:
    text = "Chile will send medical aid, the minister said after meeting his counterpart on Monday."
    (hit,) = find_dates(text, 0, FRIDAY)
    assert hit.date == FuzzyDate("2024-06-03", Precision.DAY)
    (ahead,) = find_dates("Chile will send aid, and the two will meet on Monday.", 0, FRIDAY)
    assert ahead.date == FuzzyDate("2024-06-10", Precision.DAY)
