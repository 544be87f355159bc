"""Countries, organizations, places, weapons and people found by the gazetteer and role patterns."""

from ingest.extract import Gazetteer, extract
from ingest.extract.text import sentences


def _values(body: str, kind: str) -> list[str]:
    return [m.value for m in extract(body, published=None).mentions if m.kind == kind]


def test_countries_by_name_demonym_capital_and_institution() -> None:
    body = "Kiev thanked Britain. The Dutch cabinet agreed; the Kremlin and Downing Street argued."
    assert set(_values(body, "country")) >= {"UA", "GB", "NL", "RU"}


def test_weapons_are_canonical_even_when_misspelled() -> None:
    body = "Kyiv wants more Himers launchers, ATACMS and Storm Shadow missiles but no Taurus."
    assert _values(body, "weapon") == ["HIMARS", "ATACMS", "Storm Shadow", "Taurus"]


def test_every_mention_quotes_the_body_exactly() -> None:
    body = "BERLIN, June 3 - Olaf Scholz met NATO chief Jens Stoltenberg in Kharkiv Oblast.\n"
    result = extract(body, published=None)
    assert result.mentions
    for mention in result.mentions:
        assert body[mention.span.start : mention.span.end] == mention.span.quote


def test_people_from_the_database_resolve_their_aliases() -> None:
    gazetteer = Gazetteer.builtin().with_people([("ivan-petrenko", "Ivan Petrenko", ["Petrenko"])])
    result = extract("Mayor Ivan Petrenko spoke.", published=None, gazetteer=gazetteer)
    assert [r.person.key for r in result.person_roles] == ["ivan-petrenko"]


def test_sentences_are_exact_slices_and_keep_abbreviations() -> None:
    body = "  The U.S. Senate voted. Mr. Brown left!\n\nNew line here"
    found = sentences(body)
    assert [s.text for s in found] == ["The U.S. Senate voted.", "Mr. Brown left!", "New line here"]
    assert all(body[s.start : s.end] == s.text for s in found)
