"""The extractor never crashes: empty text, other languages, odd Unicode, random strings."""

import random

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract

PUBLISHED = FuzzyDate("2024-05-31", Precision.DAY)
WORDS = "Ukraine Russia Biden lifted ban weapons $2bn package Kyiv on Thursday May 31 said not"
FOREIGN = {
    "de": "Die Bundesregierung erlaubt der Ukraine, deutsche Waffen gegen Ziele in Russland "
    "einzusetzen, sagte Olaf Scholz am Freitag in Berlin. Das Paket ist 500 Millionen Euro wert.",
    "uk": "Президент України Володимир Зеленський заявив, що Київ отримав дозвіл використовувати "
    "зброю для ударів по території Росії.",
    "fr": "Le président Emmanuel Macron a déclaré que l'Ukraine doit pouvoir frapper les sites "
    "militaires en Russie. La France a promis 300 millions d'euros pour Kyiv.",
}


def test_other_languages_give_mentions_and_say_so() -> None:
    for language, body in FOREIGN.items():
        result = extract(body, published=PUBLISHED)
        assert result.language == language
        assert result.policy_decisions == [] and result.aid_packages == []
        assert any("not supported" in note for note in result.notes)
        for mention in result.mentions:
            assert body[mention.span.start : mention.span.end] == mention.span.quote


def test_empty_and_odd_text() -> None:
    for body in ["", " ", "\n\n\n", "\x00\x01", "🙂" * 50, "$$$ €€€ 2024-13-45 May 32", "A." * 400]:
        result = extract(body, published=PUBLISHED)
        assert not any("stopped early" in note for note in result.notes), body


def test_random_strings_never_crash() -> None:
    rng = random.Random(20240531)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:'\"“”’$€£-\n0123456789"
    alphabet += "éłßщї🙂\u200b"
    words = WORDS.split(" ")
    for _ in range(300):
        if rng.random() < 0.5:
            body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        else:
            body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 80)))
        result = extract(body, published=rng.choice([PUBLISHED, None]))
        assert not any("stopped early" in note for note in result.notes), body
        spans = [s for d in result.policy_decisions for s in d.evidence]
        spans += [s for a in result.aid_packages for s in a.evidence]
        for span in spans:
            assert body[span.start : span.end] == span.quote
