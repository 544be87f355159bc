"""More ways to phrase a decision, and phrasings that only look like one (written here)."""

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract

FRIDAY = FuzzyDate("2024-06-07", Precision.DAY)
TOPIC = "Allies differ on whether Ukraine may strike targets in Russia with their weapons. "


def _decisions(body: str) -> set[tuple[str | None, str, str | None]]:
    return {
        (d.country or d.organization, d.action.value, d.date.value if d.date else None)
        for d in extract(body, published=FRIDAY).policy_decisions
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Greece has never imposed any such restriction on Ukraine's use of Greek arms against "
            "Russian territory, its minister said on Monday.",
            ("GR", "LIFTED"),
        ),
        (
            "Oslo and Helsinki both moved on Monday, each allowing strikes on Russian units across "
            "the border.",
            ("NO", "EASED"),
        ),
        (
            "Romania does not impose any limitations on the use of its weapons on Russian soil, "
            "the president said on Monday.",
            ("RO", "LIFTED"),
        ),
        (
            "Sofia said on Monday there is no 'Bulgarian-style' limit on strikes into Russia with "
            "Bulgarian shells.",
            ("BG", "LIFTED"),
        ),
        (
            "The Austrian chancellor said on Monday he would still not send long-range missiles.",
            ("AT", "REFUSED"),
        ),
    ],
)
def test_more_phrasings(body: str, expected: tuple[str, str]) -> None:
    assert (*expected, "2024-06-03") in _decisions(body)


def test_set_no_restrictions_speaks_for_itself_in_an_article_on_the_topic() -> None:
    body = TOPIC + "Portugal said on Monday that it had set no restrictions at all."
    assert _decisions(body) == {("PT", "LIFTED", "2024-06-03")}
    assert _decisions("Portugal said on Monday that it had set no restrictions at all.") == set()


@pytest.mark.parametrize(
    "body",
    [
        TOPIC + "Posts online claim that Spain now allows Kyiv to use Spanish arms against Russia.",
        TOPIC + "The claim that Greece has authorised strikes on Russian territory is false.",
        "The rules on how Ukraine may use Western weapons against Russia are changing.",
        "Ireland's argument has not changed since it first spoke on the war in Russia's border "
        "regions.",
        "Nobody knows how the Swedish missiles might be used in Ukraine.",
    ],
)
def test_claims_questions_and_arguments_are_not_decisions(body: str) -> None:
    assert _decisions(body) == set()


def test_a_relative_clause_inside_a_question_still_states_a_refusal() -> None:
    body = "The question is whether Germany, which still refuses to send Taurus, will shift in May."
    assert _decisions(body) == {("DE", "REFUSED", None)}


def test_ukraine_asking_for_a_step_is_not_the_allys_advocacy() -> None:
    body = (
        "Officials said on Monday that Oslo had given Kyiv permission to use Norwegian missiles "
        "against targets inside Russia, a step Ukraine had been pressing for since the spring."
    )
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-03")}


def test_a_lifting_is_one_decision_however_often_it_is_restated() -> None:
    body = (
        "Latvia said on Monday that Ukraine may use Latvian weapons against targets in Russia. "
        "Already in March, the minister had said Ukraine may use Latvian arms on Russian soil."
    )
    assert _decisions(body) == {("LV", "LIFTED", "2024-06-03")}


def test_dateline_and_hours_earlier() -> None:
    body = (
        "OSLO, June 7 (Wire) - Norway has allowed Ukraine to hit targets in Russia with "
        "Norwegian arms. The change was disclosed on Wednesday by officials. "
        "Hours earlier, Denmark said the ban on strikes inside Russia remains in place."
    )
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-05"), ("DK", "MAINTAINED", "2024-06-05")}


def test_hearsay_is_not_a_decision_however_far_back_it_starts() -> None:
    body = (
        TOPIC + "Screenshots passed around by thousands of users this week suggest that Austria "
        "has changed course and now allows Kyiv to use Austrian arms against Russian territory."
    )
    assert _decisions(body) == set()


def test_a_russian_led_sentence_carries_no_supplier() -> None:
    body = (
        "Belgium said on Monday that Ukraine may use Belgian arms against targets in Russia. "
        "June 4 — Russian forces shell the city from positions Ukrainian troops are not allowed "
        "to hit with Western arms."
    )
    assert _decisions(body) == {("BE", "LIFTED", "2024-06-03")}


def test_entitled_and_a_country_before_the_title() -> None:
    body = (
        "The guest was Austria's foreign minister, Kurt Beispiel. Beispiel said on Monday Ukraine "
        "was entitled to fire Austrian missiles into Russia."
    )
    assert _decisions(body) == {("AT", "LIFTED", "2024-06-03")}


def test_a_refusal_of_the_missile_an_article_named_before() -> None:
    body = (
        "Why is Berlin holding back its Taurus? Chancellor Olaf Scholz has been clear, and on "
        "3 June he ruled the missile out again."
    )
    assert _decisions(body) == {("DE", "REFUSED", "2024-06-03")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (TOPIC + "Lisbon okayed the use of Portuguese arms in Russia on Monday.", ("PT", "LIFTED")),
        (
            TOPIC + "Zagreb has consented to Ukraine hitting Russian soil with Croatian weapons, "
            "officials said on Monday.",
            ("HR", "LIFTED"),
        ),
        (
            TOPIC + "Madrid has no plans to lift its restrictions, its minister said on Monday.",
            ("ES", "MAINTAINED"),
        ),
        (
            TOPIC + "On Monday Berlin turned down a fresh request for Taurus cruise missiles.",
            ("DE", "REFUSED"),
        ),
        (TOPIC + "Germany on Monday rejected sending Taurus missiles.", ("DE", "REFUSED")),
    ],
)
def test_yet_more_phrasings(body: str, expected: tuple[str, str]) -> None:
    assert _decisions(body) == {(*expected, "2024-06-03")}


def test_sticking_to_a_position_is_a_standing_state() -> None:
    body = TOPIC + "Rome is sticking to its line that Italian arms may only be used inside Ukraine."
    assert _decisions(body) == {("IT", "MAINTAINED", None)}


def test_an_actor_that_lifted_its_own_limits_and_urges_others_decided_one_thing() -> None:
    body = TOPIC + (
        "Oslo said on Monday that Norway has never placed geographic restrictions on the arms it "
        "sends to Ukraine and has long urged partners to drop theirs."
    )
    assert _decisions(body) == {("NO", "LIFTED", "2024-06-03")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (TOPIC + "The go-ahead from Prague came on Monday.", ("CZ", "LIFTED")),
        (
            TOPIC + "Canada's decision on Monday to let Ukraine fire Canadian rockets into Russia "
            "surprised few.",
            ("CA", "LIFTED"),
        ),
        (
            TOPIC + "On Monday the Spanish government reaffirmed that the ban on strikes inside "
            "Russia stands.",
            ("ES", "MAINTAINED"),
        ),
    ],
)
def test_permissions_named_as_nouns_and_bans_that_stand(
    body: str, expected: tuple[str, str]
) -> None:
    assert _decisions(body) == {(*expected, "2024-06-03")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            TOPIC + "The government of Malta has given on Monday its consent for the use of "
            "Maltese armaments on the territory of the Russian Federation.",
            ("MT", "LIFTED", "2024-06-03"),
        ),
        (
            TOPIC + "According to Lisbon, the Portuguese armaments can be utilised exclusively on "
            "the Ukrainian territory.",
            ("PT", "MAINTAINED", "2024-06-07"),
        ),
        (
            TOPIC + "Iceland does not forbid Ukraine to use Icelandic equipment on Russian soil, "
            "Reykjavik said on Monday.",
            ("IS", "LIFTED", "2024-06-03"),
        ),
    ],
)
def test_phrasings_of_translated_copy(body: str, expected: tuple[str, str, str]) -> None:
    assert _decisions(body) == {expected}
