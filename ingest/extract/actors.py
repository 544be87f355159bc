"""Who acts in a sentence: the country, organization or person nearest before a cue word."""

import dataclasses
import re

from ingest.extract.gazetteer import Hit
from ingest.extract.model import PersonRef
from ingest.extract.people import PersonMention
from ingest.extract.text import Sentence

# Ukraine receives and Russia is targeted: neither restricts the use of weapons it is given.
NOT_ACTORS = frozenset({"UA", "RU"})
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|near|inside|into|across|toward|towards|visit\s+to|trip\s+to|arrived\s+from|"
    r"flew\s+to|travel(?:led|ed|s)?\s+to|with|against|on|over|than|like)\s+(?:the\s+)?)$",
    re.I,
)
_LIST_GAP = re.compile(
    r"^\s*(?:,|and|or|as\s+well\s+as|,\s*and|along\s+with|together\s+with)?\s*(?:the\s+)?$", re.I
)
# "the Prague meeting", "the Washington summit": a place naming an event, not an actor.
_EVENT_AFTER = re.compile(
    r"\s+(?:meeting|summit|talks|conference|visit|format|process|forum|declaration|trip|"
    r"gathering|dialogue|session|ministerial)\b",
    re.I,
)
_BESIDE = re.compile(
    r"\b(?:with|next\s+to|alongside|beside|met|meeting|than|to|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,4}$"
)
# A demonym names an actor only before words like these ("the Dutch government", "British weapons").
_DEMONYM_HEAD = re.compile(
    r"^(?:-(?:supplied|made|provided|donated|built|funded)|\s+(?:government|officials?|authorities|"
    r"ministers?|minister|prime|foreign|defen[cs]e|chancellor|president|leaders?|cabinet|parliament|"
    r"army|military|side|position|weapons?|arms|missiles?|jets|equipment|materi[ae]l|systems|"
    r"administration|secretary|deputy|premier|ambassador|armed|policy|decision|stance|approach|"
    r"permission|rules?|restrictions?|F-16s|long-range|tanks|aid|support|counterpart|top|senior|"
    r"national|state|security|intelligence|guidelines|ministry|coalition|chancellery|king|queen|"
    r"presidency|leadership|delegation|envoy|spokes\w+))\b",
    re.I,
)
_SUPPLIER_AFTER = re.compile(
    r"^(?:-|\s)?(?:supplied|provided|made|donated|delivered|built)\b|^\s+(?:weapons?|arms|missiles|materi[ae]l|equipment|jets|F-16s|systems)",
    re.I,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Actor:
    """A candidate actor: a country (ISO), or an organization with no country (NATO, EU)."""

    start: int
    end: int
    country: str | None
    organization: str | None
    person: PersonRef | None = None
    via: str = "NAME"  # NAME | DEMONYM | CAPITAL | INSTITUTION | PERSON | GROUP


def actors_in(sentence: Sentence, hits: list[Hit], people: list[PersonMention]) -> list[Actor]:
    """Every possible actor in the sentence, in text order, without locatives ("in Prague")."""
    found: list[Actor] = []
    taken: set[tuple[int, int]] = set()
    offices = [
        (h.start, h.end, h.entry.detail)
        for h in hits
        if h.entry.kind == "person" and h.entry.detail
    ]
    for person in people:
        if not sentence.start <= person.start < sentence.end:
            continue
        before = sentence.text[
            max(0, person.start - sentence.start - 60) : person.start - sentence.start
        ]
        if _BESIDE.search(before):
            continue  # "a news conference with Chancellor Olaf Scholz": not the speaker
        office = next((o for s, e, o in offices if person.start <= s < person.end), None)
        if office:  # "NATO Secretary General Jens Stoltenberg" acts for NATO
            found.append(Actor(person.start, person.end, None, office, person.ref, "PERSON"))
        elif person.country and person.country not in NOT_ACTORS:
            found.append(
                Actor(person.start, person.end, person.country, None, person.ref, "PERSON")
            )
        taken.add((person.start, person.end))
    for hit in hits:
        if not sentence.start <= hit.start < sentence.end or any(
            s <= hit.start < e for s, e in taken
        ):
            continue
        before = sentence.text[: hit.start - sentence.start]
        entry = hit.entry
        if entry.kind == "country":
            if entry.country in NOT_ACTORS:
                continue
            after = sentence.text[hit.end - sentence.start : hit.end - sentence.start + 30]
            if hit.alias_kind in ("CAPITAL", "NAME") and (
                _LOCATIVE.search(before[-30:]) or _EVENT_AFTER.match(after)
            ):
                continue
            if (
                hit.alias_kind == "DEMONYM"
                and not hit.text.endswith("s")
                and not _DEMONYM_HEAD.match(after)
            ):
                continue
            found.append(Actor(hit.start, hit.end, entry.country, None, None, hit.alias_kind))
        elif entry.kind == "organization":
            if entry.detail == "MEDIA" or entry.country in NOT_ACTORS:
                continue
            if entry.country is None:
                if _LOCATIVE.search(before[-30:]):
                    continue
                found.append(Actor(hit.start, hit.end, None, entry.key, None, "ORGANIZATION"))
        elif entry.kind == "group":
            found.extend(
                Actor(hit.start, hit.end, member, None, None, "GROUP") for member in entry.members
            )
    found.sort(key=lambda a: a.start)
    # One actor per place in the text: a country alias and an institution may share a span.
    unique: list[Actor] = []
    for actor in found:
        if (
            unique
            and unique[-1].start == actor.start
            and unique[-1].country == actor.country
            and actor.via != "GROUP"
        ):
            continue
        unique.append(actor)
    return unique


def subject_before(text: Sentence, actors: list[Actor], at: int, floor: int = 0) -> list[Actor]:
    """The actor nearest before offset `at`, with those listed with it ("France and Poland")."""
    before = [a for a in actors if floor <= a.start and a.end <= at]
    if not before:
        return []
    chosen = [before[-1]]
    for actor in reversed(before[:-1]):
        head = chosen[0]
        gap = text.text[actor.end - text.start : head.start - text.start]
        if actor.start == head.start or _LIST_GAP.match(gap):
            chosen.insert(0, actor)
        else:
            break
    return chosen


def suppliers(sentence: Sentence, actors: list[Actor]) -> list[Actor]:
    """Countries named as the source of the weapons ("Swedish weapons", "US-supplied")."""
    found = []
    for actor in actors:
        after = sentence.text[actor.end - sentence.start : actor.end - sentence.start + 25]
        if (actor.via in ("DEMONYM", "NAME") and _SUPPLIER_AFTER.match(after)) or re.match(
            r"\s+(?:has|have|had)\s+(?:donated|supplied|sent|provided|delivered)", after
        ):
            found.append(actor)
        else:
            before = sentence.text[
                max(0, actor.start - sentence.start - 25) : actor.start - sentence.start
            ]
            if re.search(
                r"(?:supplied|provided|donated|delivered|made)\s+by\s+(?:the\s+)?$", before
            ):
                found.append(actor)
    return found
