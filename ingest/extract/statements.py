"""Quoted and reported speech attributed to a person or an unnamed source."""

import re

from db.enums import StatementKind
from db.fuzzy_date import FuzzyDate
from ingest.extract.model import PersonRef, StatementCandidate
from ingest.extract.people import PersonMention
from ingest.extract.text import Sentence, make_span

_QUOTE = re.compile(r"“([^”]{12,}?)”|\"([^\"]{12,}?)\"")
_SAID = re.compile(
    r"\b(?:said|says|told|stated|added|insisted|claimed|argued|warned|wrote|declared|explained|"
    r"assured|stressed|emphasi[sz]ed|underlined|noted|replied|announced)\b(?:\s+(?:on\s+\w+\s+)?that\b)?",
    re.I,
)
_UNNAMED = re.compile(
    r"\b(?:an?|one|two|three|several|senior|the)\s+(?:\w+\s+){0,3}(?:officials?|sources?|diplomats?|"
    r"people\s+familiar\s+with\s+[\w\s]+?|spokes(?:person|man|woman))\b",
    re.I,
)


def read_statements(
    sentences: list[Sentence],
    people: list[PersonMention],
    date: FuzzyDate | None,
) -> list[StatementCandidate]:
    """Direct quotes with a speaker in the same sentence, and "X said that ..." paraphrases."""
    found: list[StatementCandidate] = []
    last: PersonRef | None = None
    for sentence in sentences:
        here = [p for p in people if sentence.start <= p.start < sentence.end]
        text = sentence.text
        quotes = list(_QUOTE.finditer(text))
        speaker: PersonRef | None = None
        outside = [
            p
            for p in here
            if not any(q.start() <= p.start - sentence.start < q.end() for q in quotes)
        ]
        if outside:
            speaker = outside[0].ref
        label = None
        if speaker is None:
            unnamed = _UNNAMED.search(text)
            label = unnamed.group(0) if unnamed else None
            if label is None and re.search(
                r"\b(?:he|she)\s+(?:said|added|told|wrote|stated)\b", text, re.I
            ):
                speaker = last
        attributed = speaker is not None or label is not None
        for quote in quotes:
            group = 1 if quote.group(1) is not None else 2
            if attributed and _SAID.search(text):
                span = make_span(
                    text,
                    sentence.start,
                    sentence.start + quote.start(group),
                    sentence.start + quote.end(group),
                )
                found.append(
                    StatementCandidate(speaker, label, StatementKind.DIRECT, span, date, 0.6)
                )
        said = _SAID.search(text)
        if not quotes and said and attributed and said.end() < len(text) - 15:
            span = make_span(text, sentence.start, sentence.start + said.end(), sentence.end)
            if span.quote:
                found.append(
                    StatementCandidate(speaker, label, StatementKind.PARAPHRASE, span, date, 0.4)
                )
        if here:
            last = here[-1].ref
    return found
