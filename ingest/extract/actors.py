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
    r"flew\s+to|travel(?:led|ed|s)?\s+to|with|against|on|over|than|like|unlike|contrary\s+to|"
    r"in\s+contrast\s+(?:to|with)|as\s+opposed\s+to|apart\s+from|except(?:\s+for)?)\s+(?:the\s+)?)$",
    re.I,
)
_LIST_GAP = re.compile(
    r"^\s*(?:,|and|or|as\s+well\s+as|,\s*and|along\s+with|together\s+with)?\s*(?:the\s+)?$", re.I
)
_TITLE_GAP = re.compile(r"^\s*(?:[A-Z][\w.’'-]*\s+){1,4}$")
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
    r"army|military|side|position|weapons?|arms|armaments|missiles?|jets|equipment|materi[ae]l|systems|"
    r"administration|secretary|deputy|premier|ambassador|armed|policy|decision|stance|approach|"
    r"permission|rules?|restrictions?|F-16s|long-range|tanks|aid|support|counterpart|top|senior|"
    r"national|state|security|intelligence|guidelines|ministry|coalition|chancellery|king|queen|"
    r"presidency|leadership|delegation|envoy|spokes\w+))\b",
    re.I,
)
_SUPPLIER_AFTER = re.compile(
    r"^(?:-|\s)?(?:supplied|provided|made|donated|delivered|built)\b|^\s+(?:weapons?|arms|armaments|missiles|materi[ae]l|equipment|jets|F-16s|systems)",
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
    head = chosen[0]
    for actor in reversed(before[:-1]):
        gap = text.text[actor.end - text.start : head.start - text.start]
        if actor.start == head.start or _LIST_GAP.match(gap):
            chosen.insert(0, actor)
        elif actor.country == head.country and _TITLE_GAP.match(gap):
            pass  # "French President Emmanuel Macron": one actor named twice
        else:
            break
        head = actor
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


# "... was granted by Finland": a passive whose agent follows the cue.
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+\s+){0,2}?(?:\w+ed|given|granted|lifted|"
    r"eased|set|let|made|taken|withdrawn)\b",
    re.I,
)
_AGENT_GAP = re.compile(r"^[^,;:.]{0,100}?\bby\s+(?:the\s+)?$", re.I)
# "..., was announced by the Pentagon": a passive verb right before "by" may follow a comma.
_PASSIVE_BY = re.compile(
    r"^[^;:]{0,100}?\b(?:was|were|been|is|are|be)\s+(?:\w+\s+){0,2}?(?:\w+ed|given|made|taken)\s+"
    r"by\s+(?:the\s+)?$",
    re.I,
)
# "the go-ahead from London": the giver of a permission named after it.
_GIVER_GAP = re.compile(
    r"^(?:the\s+|a\s+)?(?:go-ahead|green\s+light|blessing|permission|approval|nod)\s+from\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "The first country to lift ... was Britain", "Among those that allow ... is Canada".
_CLEFT_HEAD = re.compile(
    r"^\W*(?:(?:the|its|their)\s+)?(?:first|second|third|last|latest|next|only|newest|"
    r"most\s+recent)\b|^\W*(?:among|one\s+of)\b|^\W*(?:the\s+)?(?:country|government|ally|"
    r"capital)\s+(?:that|which|to)\b",
    re.I,
)
_COPULA_GAP = re.compile(r"^[^;:]{0,160}?\b(?:was|were|is|are|has\s+been)\s+(?:the\s+)?$", re.I)


def agent_after(sentence: Sentence, actors: list[Actor], at: int) -> list[Actor]:
    """The agent of a passive cue at `at` ("Ukraine was allowed by Denmark to ..."), if any."""
    clause_start = max(sentence.text.rfind(",", 0, at - sentence.start), 0)
    for index, actor in enumerate(actors):
        if actor.start < at:
            continue
        gap = sentence.text[at - sentence.start : actor.start - sentence.start]
        if _PASSIVE_BY.match(gap) or _GIVER_GAP.match(gap):
            return listed_from(sentence, actors, index)
        if not _AGENT_GAP.match(gap):
            continue
        voice = sentence.text[clause_start : actor.start - sentence.start]
        if _PASSIVE.search(voice):
            return listed_from(sentence, actors, index)
        return []
    return []


def named_after(sentence: Sentence, actors: list[Actor], at: int, floor: int) -> list[Actor]:
    """The actor a cleft names after its cue ("The first to allow it was Britain")."""
    if not _CLEFT_HEAD.match(sentence.text[floor : at - sentence.start]):
        return []
    for index, actor in enumerate(actors):
        if actor.start >= at:
            gap = sentence.text[at - sentence.start : actor.start - sentence.start]
            return listed_from(sentence, actors, index) if _COPULA_GAP.match(gap) else []
    return []


def listed_from(sentence: Sentence, actors: list[Actor], first: int) -> list[Actor]:
    """`actors[first]` with the actors listed right after it ("Spain and Portugal")."""
    chosen = [actors[first]]
    for actor in actors[first + 1 :]:
        last = chosen[-1]
        gap = sentence.text[last.end - sentence.start : actor.start - sentence.start]
        if actor.start == last.start or _LIST_GAP.match(gap):
            chosen.append(actor)
        else:
            break
    return chosen


_SOURCE_GAP = re.compile(r"^[^,;:.]{0,60}?\bfrom\s+(?:the\s+)?$", re.I)


def source_after(sentence: Sentence, actors: list[Actor], at: int) -> list[Actor]:
    """The actor an amount comes from ("$150 million in weapons from the United States")."""
    for actor in actors:
        if actor.start >= at:
            gap = sentence.text[at - sentence.start : actor.start - sentence.start]
            return [actor] if _SOURCE_GAP.match(gap) else []
    return []
