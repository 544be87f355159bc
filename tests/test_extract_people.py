"""People and their roles: titles before or after the name, aliases and misspellings."""

import pytest

from ingest.extract import extract


def _roles(body: str) -> set[tuple[str, str, str | None]]:
    result = extract(body, published=None)
    return {(r.person.name, r.title, r.person.key) for r in result.person_roles}


def test_title_before_the_name_drops_country_and_organization_words() -> None:
    roles = _roles(
        "Deputy Pentagon Press Secretary Sabrina Singh spoke first. "
        "Then NATO Secretary General Jens Stoltenberg and German Chancellor Olaf Scholz replied."
    )
    assert ("Sabrina Singh", "Deputy Pentagon Press Secretary", "sabrina-singh") in roles
    assert ("Jens Stoltenberg", "Secretary General", "jens-stoltenberg") in roles
    assert ("Olaf Scholz", "Chancellor", "olaf-scholz") in roles


def test_title_after_the_name_and_new_people() -> None:
    roles = _roles(
        "Marta Kowalczyk, Poland's deputy foreign minister, said little. "
        "Oleh Hrytsenko, head of the Sumy regional administration, was blunter."
    )
    assert ("Marta Kowalczyk", "deputy foreign minister", None) in roles
    assert ("Oleh Hrytsenko", "head of the Sumy regional administration", None) in roles


def test_aliases_and_misspellings_resolve_to_one_person() -> None:
    roles = _roles(
        "The Ukrainian Foreign Minister, Dimitro Kuleba, met the President of France, Mr Macron."
    )
    assert ("Dmytro Kuleba", "Foreign Minister", "dmytro-kuleba") in roles
    assert ("Emmanuel Macron", "President", "emmanuel-macron") in roles


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        (
            "Anna Lindqvist, by now prime minister, flew to Kyiv.",
            "Anna Lindqvist",
            "prime minister",
        ),
        ("Opposition leader Karl Brandt voted no.", "Karl Brandt", "Opposition leader"),
        ("President-elect Maria Costa said little.", "Maria Costa", "President-elect"),
        (
            "The Kremlin's deputy spokesman, Ivan Petrov, denied it.",
            "Ivan Petrov",
            "deputy spokesman",
        ),
    ],
)
def test_titles_as_reporters_write_them(body: str, name: str, title: str) -> None:
    roles = [(r.person.name, r.title) for r in extract(body, published=None).person_roles]
    assert roles == [(name, title)]
