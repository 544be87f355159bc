"""A small stopword vote to tell English from the languages coverage also arrives in."""

import re

from ingest.extract.text import words

_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "en": sorted(
        words("the and of to in that is was for on with said has have it by from as at are")
    ),
    "de": sorted(
        words("der die und das nicht ist ein eine mit den von zu auf für sich dem des im auch")
    ),
    "fr": sorted(
        words("le la les et des est une un du dans pour que qui sur pas avec au aux ce il")
    ),
    "es": sorted(words("el la los las y del que en por con una para es se su al lo como más")),
    "it": sorted(words("il di che la per non una sono con del della gli le nel alla ha anche")),
    "pl": sorted(words("i w nie na się z że do to jest jak po od za dla oraz przez")),
    "nl": sorted(words("de het een van en niet dat is op te met voor zijn aan er ook")),
    "pt": sorted(words("o a os as e do da que em não um uma para com por se dos das")),
}
_SETS = {lang: frozenset(stop) for lang, stop in _STOPWORDS.items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the most likely language ("und" when the text gives no clue)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return "und"
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    if cyrillic > len(words) / 2:
        ukrainian = sum(1 for w in words for c in w if c in "іїєґ")
        return "uk" if ukrainian else "ru"
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _SETS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "und"
    return best
