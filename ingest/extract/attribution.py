"""Who acts in a cue (subject, supplier or the actor carried over) and on what basis it is dated."""

import re

from db.enums import DateBasis, PolicyAction
from ingest.extract.actors import Actor, agent_after, named_after, subject_before, suppliers
from ingest.extract.article import Article

_UKRAINE_FIRST = re.compile(r"^\W*(?:the\s+)?(?:Ukrain\w*|Kyiv|Kiev|Zelensk\w*)\b")
# "May 10 — Russian forces cross the border ...": Russia acts; no supplier is carried in.
_RUSSIA_FIRST = re.compile(
    r"^\W*(?:[^—–.]{0,25}[—–]\s*)?(?:the\s+)?(?:Russia\w*|Moscow|Kremlin|Putin)\b"
)
_PRONOUN = re.compile(
    r"\b(?:he|she|they|it|the\s+(?:government|minister|chancellor|president|country|administration))\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:reported|according\s+to|citing|sources?\s+(?:said|say)|officials?\s+(?:said|say)|people\s+familiar)\b",
    re.I,
)
_GENERIC_SUBJECT = re.compile(
    r"\b(?:partners|allies|ally|countries|nations|others|governments|the\s+west|capitals|"
    r"(?:each|every)\s+\w+)\b",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:he|she|it|they|the\s+(?:government|minister|chancellor|president))\b", re.I
)
_SINGULAR = re.compile(
    r"\b(?:he|she|it|its|his|her|the\s+(?:government|minister|chancellor|president|premier|"
    r"country|administration|cabinet))\b",
    re.I,
)
_PLURAL = re.compile(
    r"\b(?:they|their|both|the\s+(?:two|three|four)|all\s+(?:two|three|four))\b", re.I
)
_DECIDED = re.compile(r"\b(?:decided|approved|authori[sz]ed|signed|cleared)\b", re.I)


def basis(text: str, action: PolicyAction | None = None) -> DateBasis:
    if _REPORTED.search(text):
        return DateBasis.FIRST_REPORTED
    if _DECIDED.search(text):
        return DateBasis.DECIDED
    return DateBasis.ANNOUNCED


def resolve_actors(
    a: Article, index: int, at: int, floor: int, carry: list[Actor], supplier_first: bool = False
) -> tuple[list[Actor], bool]:
    """The actors of a cue: subject before it, else the supplier, else the previous subject."""
    sentence = a.sentences[index]
    here = a.actors[index]
    subject = agent_after(sentence, here, at) or subject_before(
        sentence, here, at, floor=sentence.start + floor
    )
    if not subject:
        subject = suppliers(sentence, here)[:1] or named_after(sentence, here, at, floor)
    if not subject and not here:
        before = sentence.text[floor : at - sentence.start]
        if _RUSSIA_FIRST.match(sentence.text) or (
            _UKRAINE_FIRST.match(before) and len(before.split()) > 5
        ):
            return [], True  # "Kyiv gave assurances that it would ...": Ukraine speaks, no carry
        generic = [m.start() for m in _GENERIC_SUBJECT.finditer(before)]
        pronoun = [m.start() for m in _PRONOUN_SUBJECT.finditer(before)]
        if generic and (not pronoun or generic[-1] > pronoun[-1]):
            return [], True  # "some partners have ...": not the previous subject
        if _SINGULAR.search(before) and not _PLURAL.search(before):
            return carry[:1], True  # "he", "the minister": one of the actors named before
        return carry, True
    return subject, False
