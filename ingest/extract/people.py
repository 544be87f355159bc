"""People and the roles the text gives them ("Defence Minister Pål Jonson", "X, head of Y")."""

import dataclasses
import re

from ingest.extract.gazetteer import Entry, Hit
from ingest.extract.model import PersonRef, PersonRoleCandidate
from ingest.extract.text import Sentence, words

_TOKEN = re.compile(r"\w(?:[\w'’\-]|\.(?=\w))*|[^\w\s]")
# Words that head a title; modifiers may come before them and "of ..." after them.
HEADS = words(
    "minister secretary president chancellor spokesperson spokesman spokeswoman ambassador "
    "commander chief head director adviser advisor king queen senator speaker chair chairman "
    "chairwoman chairperson leader governor mayor envoy general admiral commissioner premier "
    "representative lawmaker secretary-general commander-in-chief vice-president prosecutor "
    "minister-president pope attaché attache colonel lieutenant president-elect"
)
MODIFIERS = words(
    "deputy vice acting first chief senior principal assistant under permanent foreign "
    "defence defense finance economy economic interior prime state press national security "
    "armed forces presidential white house pentagon nato eu european commission council "
    "affairs intelligence military top high special parliamentary junior lieutenant general "
    "staff army navy air force joint chiefs supreme allied main department ministry "
    "government kremlin opposition"
)
_COMPLEMENT = words(
    "the state defence defense foreign affairs national armed forces general staff military "
    "intelligence army navy joint chiefs defense security council ministry office staff "
    "european commission union alliance nato parliament committee"
)
_DETERMINERS = words(
    "the a an his her its their our my outgoing incoming new current interim caretaker by now then"
)
_HONORIFICS = words("mr mrs ms miss dr sir dame lord lady mx madam monsieur herr")
_PARTICLES = words("van von der den de da di du la le bin al el dos das ter")
# Capitalised words that never start or continue a person's name.
_NOT_NAME = words(
    "the a an this that he she they it in on at of and but for with by as after before when "
    "said says told according president minister secretary chancellor monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december ukraine russia kyiv moscow however meanwhile "
    "also prime foreign defence defense general chief head deputy state nato eu"
)


_TITLE_WORDS = HEADS | MODIFIERS


@dataclasses.dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named in a sentence, with the country the text or lexicon ties them to."""

    start: int
    end: int
    ref: PersonRef
    country: str | None


@dataclasses.dataclass
class PeopleResult:
    mentions: list[PersonMention] = dataclasses.field(default_factory=list)
    roles: list[PersonRoleCandidate] = dataclasses.field(default_factory=list)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _is_cap(word: str) -> bool:
    lower = word.lower()
    return bool(word) and word[0].isupper() and lower not in _NOT_NAME and lower not in _TITLE_WORDS


def _clean_name(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


class _Reader:
    """Reads names and titles in one sentence."""

    def __init__(
        self, sentence: Sentence, hits: list[Hit], known: dict[str, tuple[PersonRef, str | None]]
    ):
        self.s = sentence
        self.toks = _tokens(sentence.text)
        self.hits = hits
        self.known = known  # name or surname as written -> (person, country)

    def name_at(self, i: int) -> tuple[int, PersonRef, str | None] | None:
        """A person name starting at token i: (index after it, person, country)."""
        toks = self.toks
        opening = self.s.start + toks[i][0] if i < len(toks) else -1
        while i < len(toks) and toks[i][2].lower().rstrip(".") in _HONORIFICS:
            i += 1
            if i < len(toks) and toks[i][2] == ".":
                i += 1
        if i >= len(toks):
            return None
        at = self.s.start + toks[i][0]
        for hit in self.hits:
            # "Sir Keir Starmer" may be one alias; "Starmer's" ends after the alias does.
            if hit.entry.kind == "person" and (hit.start == at or hit.start == opening):
                j = i + 1
                while j < len(toks) and self.s.start + toks[j][0] < hit.end:
                    j += 1
                return j, PersonRef(hit.entry.name, hit.entry.key), hit.entry.country
        words: list[str] = []
        j = i
        while j < len(toks) and len(words) < 4:
            word = toks[j][2]
            if _is_cap(word) and not any(c.isdigit() for c in word):
                words.append(_clean_name(word))
                j += 1
                if word != _clean_name(word):
                    break
            elif (
                word.lower() in _PARTICLES
                and words
                and j + 1 < len(toks)
                and _is_cap(toks[j + 1][2])
            ):
                words.append(word)
                j += 1
            elif len(word) == 1 and word.isupper() and j + 1 < len(toks) and toks[j + 1][2] == ".":
                words.append(word + ".")
                j += 2
            else:
                break
        if not words:
            return None
        name = " ".join(words)
        if name in self.known:
            ref, country = self.known[name]
            return j, ref, country
        if len(words) < 2 or any(w.lower() in _NOT_NAME for w in words):
            return None
        end = self.s.start + toks[j - 1][1]
        for hit in self.hits:  # "Neighbouring Denmark", "Atlantic Alliance": not a person
            if hit.entry.kind != "person" and hit.start < end and at < hit.end:
                return None
        return j, PersonRef(name), None

    def title_before(self, end: int) -> tuple[int, int] | None:
        """The title phrase ending just before token `end` (token bounds), if any."""
        j = end - 1
        if j >= 0 and self.toks[j][2] == ",":
            j -= 1
        if j < 0:
            return None
        last = j
        # "of ..." complements: "Secretary of State", "head of military intelligence"
        k = j
        while k >= 0 and (self.toks[k][2].lower() in _COMPLEMENT or self._place_word(k)):
            k -= 1
        if (
            k >= 0
            and self.toks[k][2].lower() in ("of", "for", "in")
            and k > 0
            and self.toks[k - 1][2].lower() in HEADS
        ):
            j = k - 1
        if self.toks[j][2].lower() not in HEADS:
            return None
        first = j
        while first - 1 >= 0 and _clean_name(self.toks[first - 1][2]).lower() in _TITLE_WORDS:
            first -= 1
        if first - 1 >= 0 and self._country_word(first - 1):
            first -= 1  # "France's foreign minister, X": the country the title is held for
        return first, last

    def _place_word(self, k: int) -> bool:
        at = self.s.start + self.toks[k][0]
        return any(
            h.start <= at < h.end and h.entry.kind in ("place", "country") for h in self.hits
        )

    def title_after(self, start: int) -> tuple[int, int] | None:
        """A title phrase starting at token `start`: "Sweden's defence minister", "head of X"."""
        i = start
        while i < len(self.toks) and (
            self.toks[i][2].lower() in _DETERMINERS
            or self._country_word(i)
            or self.toks[i][2] in ("'s", "’s")
        ):
            i += 1
        first = i
        while i < len(self.toks) and self.toks[i][2].lower() in MODIFIERS | HEADS:
            i += 1
        if i == first or self.toks[i - 1][2].lower() not in HEADS:
            return None
        last = i - 1
        if i < len(self.toks) and self.toks[i][2].lower() in ("of", "for"):
            k = i + 1
            while k < len(self.toks) and self.toks[k][2] not in (",", ".", ";", "(") and k - i < 7:
                k += 1
            last = k - 1
        return first, last

    def _country_word(self, i: int) -> bool:
        at = self.s.start + self.toks[i][0]
        return any(
            h.start == at and h.entry.kind in ("country", "organization", "group")
            for h in self.hits
        )

    def title_text(self, first: int, last: int) -> tuple[str, str | None, int]:
        """The title as written, without leading determiners/countries or a trailing "of France"."""
        toks = self.toks
        country: str | None = None
        i = first
        while i <= last:
            word = toks[i][2]
            at = self.s.start + toks[i][0]
            hit = next(
                (
                    h
                    for h in self.hits
                    if h.start == at
                    and (
                        (h.entry.kind == "country" and h.alias_kind != "INSTITUTION")
                        or (h.entry.kind == "organization" and h.entry.country is None)
                        or (h.entry.kind == "organization" and _possessive_after(self.s, h))
                    )
                ),
                None,
            )
            if word.lower() in _DETERMINERS or word in ("'s", "’s", "'", "’"):
                i += 1
            elif hit is not None:
                country = country or hit.entry.country
                i += 1
                while i <= last and self.s.start + toks[i][1] <= hit.end:
                    i += 1
                if i <= last and toks[i][2] in ("'s", "’s", "'", "’"):
                    i += 1
            else:
                break
        stop = last
        for k in range(i, last + 1):
            if toks[k][2].lower() in ("of", "in") and k + 1 <= last:
                rest = [t for t in range(k + 1, last + 1) if toks[t][2].lower() not in _DETERMINERS]
                if rest and all(
                    self._country_word(t) or self._place_word(t) or toks[t][2] in ("'s",)
                    for t in rest[:1]
                ):
                    hit_all = all(
                        self._place_word(t) or self._country_word(t) or toks[t][2][0].isupper()
                        for t in rest
                    )
                    if hit_all:
                        country = country or self._country_at(rest[0])
                        stop = k - 1
                        break
        if i > stop:
            return "", country, i
        text = re.sub(r"['’]s\b", "", self.s.text[toks[i][0] : toks[stop][1]])
        return text, country, i

    def _country_at(self, t: int) -> str | None:
        at = self.s.start + self.toks[t][0]
        for h in self.hits:
            if h.start == at and h.entry.kind == "country":
                return h.entry.country
        return None


def _possessive_after(sentence: Sentence, hit: Hit) -> bool:
    """ "The Pentagon's deputy press secretary": the office's owner, not part of the title."""
    return sentence.text[hit.end - sentence.start : hit.end - sentence.start + 2] in ("'s", "’s")


def read_people(
    sentences: list[Sentence],
    hits: list[Hit],
    known_people: dict[str, Entry],
) -> PeopleResult:
    """Person mentions and roles, sentence by sentence; surnames resolve to people met earlier."""
    result = PeopleResult()
    known: dict[str, tuple[PersonRef, str | None]] = {}
    seen_roles: set[tuple[str, str]] = set()
    for sentence in sentences:
        local = [h for h in hits if sentence.start <= h.start < sentence.end]
        reader = _Reader(sentence, local, known)
        toks = reader.toks
        i = 0
        while i < len(toks):
            found = (
                reader.name_at(i)
                if _is_cap(toks[i][2]) or toks[i][2].lower().rstrip(".") in _HONORIFICS
                else None
            )
            if found is None:
                i += 1
                continue
            j, ref, country = found
            role: tuple[str, str | None, int, int] | None = None
            before = reader.title_before(i)
            if before is not None:
                text, c, first = reader.title_text(*before)
                if text:
                    role = (text, c, toks[first][0], toks[j - 1][1])
            if role is None and j + 1 < len(toks) and toks[j][2] == ",":
                after = reader.title_after(j + 1)
                if after is not None:
                    text, c, _ = reader.title_text(j + 1, after[1])
                    if text:
                        role = (text, c, toks[i][0], toks[after[1]][1])
            if role is not None:
                country = country or role[1]
            start, end = sentence.start + toks[i][0], sentence.start + toks[j - 1][1]
            result.mentions.append(PersonMention(start, end, ref, country))
            surname = ref.name.split()[-1]
            for alias in {ref.name, surname, sentence.text[toks[i][0] : toks[j - 1][1]]}:
                known.setdefault(_clean_name(alias), (ref, country))
            if role is not None and role[0].lower() not in (
                "minister",
                "head",
                "chief",
                "general",
                "leader",
            ):
                key = (ref.key or ref.name.lower(), role[0].lower())
                if key not in seen_roles:
                    seen_roles.add(key)
                    result.roles.append(
                        PersonRoleCandidate(
                            person=ref,
                            title=role[0],
                            country=role[1],
                            evidence=[
                                sentence.span(sentence.start + role[2], sentence.start + role[3])
                            ],
                            confidence=0.8 if ref.key else 0.6,
                        )
                    )
            i = j
    return result
