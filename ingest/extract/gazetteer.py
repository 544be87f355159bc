"""Known names: countries, organizations, places, weapons and people, found by exact alias."""

import dataclasses
import functools
import pathlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

LEXICON_PATH = pathlib.Path(__file__).with_name("lexicon.yaml")
_WORD = re.compile(r"\w+")


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One known thing; `country` is the ISO alpha-2 it belongs to (for metonyms and people)."""

    kind: str  # country | organization | place | weapon | person | group
    key: str
    name: str
    country: str | None = None
    detail: str | None = None  # organization kind, place kind, weapon class
    members: tuple[str, ...] = ()  # groups: member countries
    long_range: bool = False  # weapons


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    """An alias found in the text."""

    start: int
    end: int
    text: str
    entry: Entry
    alias_kind: str  # NAME | DEMONYM | CAPITAL | INSTITUTION | ALIAS


@dataclasses.dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    entry: Entry
    alias_kind: str
    folded: bool  # matched case-insensitively


def _variants(alias: str) -> set[str]:
    """The alias with straight and curly apostrophes."""
    return {alias, alias.replace("'", "’"), alias.replace("’", "'")}


class Gazetteer:
    """Aliases indexed by their first word; matching is exact, longest alias first."""

    def __init__(self, aliases: Iterable[_Alias]) -> None:
        self._aliases = list(aliases)
        self._exact: dict[str, list[_Alias]] = {}
        self._folded: dict[str, list[_Alias]] = {}
        for alias in self._aliases:
            first = _WORD.search(alias.text)
            if first is None:
                continue
            table = self._folded if alias.folded else self._exact
            word = first.group(0).lower() if alias.folded else first.group(0)
            table.setdefault(word, []).append(alias)
        for table in (self._exact, self._folded):
            for found in table.values():
                found.sort(key=lambda a: -len(a.text))
        self.people = {a.entry.key: a.entry for a in self._aliases if a.entry.kind == "person"}

    @classmethod
    def builtin(cls) -> "Gazetteer":
        """Countries from data/countries.yaml plus the shipped lexicon (built once)."""
        return _builtin()

    def with_people(self, people: Iterable[tuple[str, str, Sequence[str]]]) -> "Gazetteer":
        """A copy that also knows these (key, canonical name, aliases) people."""
        extra: list[_Alias] = []
        for key, name, aliases in people:
            known = self.people.get(key)
            entry = Entry("person", key, name, known.country if known else None)
            for alias in {name, *aliases}:
                if alias and alias.strip():
                    extra.extend(_Alias(v, entry, "ALIAS", False) for v in _variants(alias.strip()))
        return Gazetteer([*self._aliases, *extra])

    def find(self, body: str) -> list[Hit]:
        """Every alias occurrence, leftmost-longest, not overlapping, as whole words."""
        hits: list[Hit] = []
        taken = 0
        for word in _WORD.finditer(body):
            start = word.start()
            if start < taken:
                continue
            best: list[_Alias] = []
            best_len = 0
            for alias in (
                *self._exact.get(word.group(0), ()),
                *self._folded.get(word.group(0).lower(), ()),
            ):
                n = len(alias.text)
                if n < best_len:
                    continue
                piece = body[start : start + n]
                same = piece.lower() == alias.text.lower() if alias.folded else piece == alias.text
                if not same or (start + n < len(body) and _is_word_char(body[start + n])):
                    continue
                if n > best_len:
                    best, best_len = [alias], n
                elif n == best_len and all(b.entry != alias.entry for b in best):
                    best.append(alias)
            for alias in best:
                hits.append(
                    Hit(
                        start,
                        start + best_len,
                        body[start : start + best_len],
                        alias.entry,
                        alias.alias_kind,
                    )
                )
            if best:
                taken = start + best_len
        return hits

    def person(self, key: str) -> Entry | None:
        return self.people.get(key)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _read(path: pathlib.Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.cache
def _builtin() -> Gazetteer:
    from ingest.curated import DATA_DIR

    aliases: list[_Alias] = []

    def add(texts: Iterable[str], entry: Entry, kind: str, folded: bool = False) -> None:
        for text in texts:
            for variant in _variants(str(text)):
                aliases.append(_Alias(variant, entry, kind, folded))

    for country in _read(DATA_DIR / "countries.yaml"):
        entry = Entry("country", country["iso2"], country["name"], country["iso2"])
        add([country["name"]], entry, "NAME")
        if country.get("official_name"):
            add([country["official_name"]], entry, "NAME")
        for alias in country.get("aliases") or []:
            text, kind = str(alias["alias"]), alias["kind"]
            if text.startswith("the "):
                continue  # the bare form is listed too
            add([text], entry, kind)
            if kind == "DEMONYM" and not text.endswith(("sh", "ch", "ese", "s")):
                add([text + "s"], entry, kind)  # Americans, Germans, Poles
    lexicon = _read(LEXICON_PATH)
    for org in lexicon["organizations"]:
        entry = Entry("organization", org["key"], org["name"], org.get("country"), org["kind"])
        add(org["aliases"], entry, "INSTITUTION" if org.get("country") else "ALIAS")
    for group in lexicon["groups"]:
        members = tuple(group["members"])
        entry = Entry("group", "+".join(members), group["aliases"][0], None, members=members)
        add(group["aliases"], entry, "NAME")
    for place in lexicon["places"]:
        entry = Entry("place", place["key"], place["name"], place.get("country"), place["kind"])
        add(place["aliases"], entry, "ALIAS")
    for weapon in lexicon["weapons"]:
        entry = Entry(
            "weapon",
            weapon["name"],
            weapon["name"],
            None,
            weapon["class"],
            (),
            weapon["long_range"],
        )
        add(weapon["aliases"], entry, "ALIAS", folded=True)
    for person in lexicon["people"]:
        entry = Entry(
            "person", person["key"], person["name"], person.get("country"), person.get("office")
        )
        add([person["name"], *person["aliases"]], entry, "ALIAS")
    return Gazetteer(aliases)
