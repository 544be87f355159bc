"""Sentences and spans over the article body exactly as given (offsets never shift)."""

import dataclasses
import re

from db.enums import Stance
from ingest.extract.model import Span


def words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(text.split())


# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = words(
    "mr mrs ms dr st gen lt col sen rep gov prof jr sr no nos vs etc inc ltd co corp maj capt "
    "adm sgt cpl pres approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]*$")


@dataclasses.dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body: `body[start:end] == text`, trimmed of surrounding space."""

    index: int
    start: int
    end: int
    text: str

    def span(self, start: int | None = None, end: int | None = None) -> Span:
        """A span inside this sentence (absolute offsets), trimmed of spaces."""
        return make_span(
            self.text,
            self.start,
            self.start if start is None else start,
            self.end if end is None else end,
        )


def _is_abbreviation(body: str, stop: int) -> bool:
    """Whether the full stop at `stop` belongs to an abbreviation or initial ("U.S.", "Mr.")."""
    if body[stop] != ".":
        return False
    match = _LAST_WORD.search(body, max(0, stop - 20), stop + 1)
    if match is None:
        return False
    word = match.group(1).rstrip(".")
    if "." in word:  # U.S, E.U, U.K
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Charles Q. Brown"
        return True
    return word.lower() in _ABBREVIATIONS


def sentences(body: str) -> list[Sentence]:
    """Split on sentence ends and line breaks; every sentence is an exact slice of the body."""
    found: list[Sentence] = []
    begin = 0

    def close(stop: int) -> None:
        nonlocal begin
        chunk = body[begin:stop]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            s, e = begin + left, begin + right
            found.append(Sentence(len(found), s, e, body[s:e]))
        begin = stop

    for match in _BOUNDARY.finditer(body):
        if match.group(0)[0] in ".!?" and _is_abbreviation(body, match.start()):
            continue
        close(match.end())
    close(len(body))
    return found


def make_span(
    text: str, offset: int, start: int, end: int, stance: Stance = Stance.SUPPORTS
) -> Span:
    """A span of `text` (which starts at `offset` in the body), with spaces trimmed."""
    piece = text[start - offset : end - offset]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return Span(start=start + lead, end=start + lead + len(piece), quote=piece, stance=stance)


def clause_bounds(text: str, at: int) -> tuple[int, int]:
    """The clause of `text` around position `at` (split on ; : and em dashes)."""
    left = max(text.rfind(mark, 0, at) for mark in (";", ":", " – ", " — ", " - "))
    rights = [i for i in (text.find(mark, at) for mark in (";", " – ", " — ")) if i >= 0]
    return (left + 1 if left >= 0 else 0, min(rights) if rights else len(text))
