"""The entities an article's facts point at: people and outlets (found or created), known ids."""

from collections.abc import Sequence

from db import models as m
from db.queries import ingest as q
from ingest import merge
from ingest.extract.model import Extraction, PersonRef
from ingest.outcome import RunState


class Entities:
    """People, outlets, countries, organizations and topics of one run, read once each.

    Every person and alias is read up front (the extractor's gazetteer needs them anyway), so
    finding or creating the people of an article costs no statement per person.
    """

    def __init__(self, run: RunState) -> None:
        self.run = run
        self.countries: dict[str, int] = {}
        self.organizations: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.by_key: dict[str, m.Person] = {}
        self.by_name: dict[str, m.Person] = {}
        self.by_alias: dict[str, m.Person] = {}
        self.aliases: dict[int, set[str]] = {}

    async def load_people(self) -> list[tuple[str, str, list[str]]]:
        """Read every person and alias; (key, name, aliases) of each, for the gazetteer."""
        people, aliases = await q.known_people(self.run.session)
        for person in people:
            self._know(person)
        by_id = {person.id: person for person in people}
        listed: dict[int, list[str]] = {}
        for person_id, alias in aliases:
            listed.setdefault(person_id, []).append(alias)
            self.aliases.setdefault(person_id, set()).add(alias)
            self.by_alias.setdefault(alias.casefold(), by_id[person_id])
        return [(p.key, p.name, listed.get(p.id, [])) for p in people]

    def _know(self, person: m.Person) -> None:
        self.by_key.setdefault(person.key, person)
        self.by_name.setdefault(person.name.casefold(), person)

    def find(self, key: str | None, name: str) -> m.Person | None:
        """A person by key, else by name, else by alias (case-insensitive; oldest first)."""
        if key is not None and key in self.by_key:
            return self.by_key[key]
        folded = name.casefold()
        return self.by_name.get(folded) or self.by_alias.get(folded)

    async def person(self, ref: PersonRef, spellings: Sequence[str] = ()) -> m.Person:
        """The person a reference names; created (with the spellings seen) when unknown."""
        session = self.run.session
        found = self.find(ref.key, ref.name)
        if found is None:
            key = await q.unique_key(session, m.Person, merge.slug(ref.key or ref.name, 120))
            found = m.Person(key=key, name=ref.name[:200])
            session.add(found)
            await session.flush()
            self._know(found)
            if ref.key is not None:
                self.by_key.setdefault(ref.key, found)
            self.run.counters.people_created += 1
            self.run.notes.append(f"new person: {ref.name} ({key})")
        known = self.aliases.setdefault(found.id, set())
        for spelling in spellings:
            if spelling != found.name and len(spelling) <= 200 and spelling not in known:
                session.add(m.PersonAlias(person_id=found.id, alias=spelling))
                known.add(spelling)
                self.by_alias.setdefault(spelling.casefold(), found)
        return found

    async def person_in(self, extraction: Extraction, ref: PersonRef) -> m.Person:
        """The person a reference names, with the spellings the extraction saw for them."""
        return await self.person(ref, spellings(extraction, ref))

    async def outlet(self, name: str) -> m.Outlet:
        session = self.run.session
        key = merge.slug(name, 120) or "outlet"
        found = await q.find_outlet(session, key, name)
        if found is None:
            found = m.Outlet(key=await q.unique_key(session, m.Outlet, key), name=name)
            session.add(found)
            await session.flush()
            self.run.counters.outlets_created += 1
        return found

    async def load_refs(self, extraction: Extraction) -> None:
        """Ids of the countries, organizations and topics the candidates name (3 statements)."""
        session = self.run.session
        codes = [c.country for c in extraction.policy_decisions if c.country]
        codes += [c.donor for c in extraction.aid_packages] + [
            c.recipient for c in extraction.aid_packages
        ]
        codes += [c.country for c in extraction.person_roles if c.country]
        self.countries = await q.country_ids(session, codes)
        orgs = [c.organization for c in extraction.policy_decisions if c.organization]
        orgs += [c.organization for c in extraction.person_roles if c.organization]
        self.organizations = await q.ids_by_key(session, m.Organization, orgs)
        topics = [c.topic for c in extraction.policy_decisions]
        self.topics = await q.ids_by_key(session, m.Topic, topics)


def spellings(extraction: Extraction, ref: PersonRef) -> list[str]:
    """How the text spells a person: every mention of them, as written."""
    values = {ref.key, ref.name} - {None}
    return sorted(
        {mn.span.quote for mn in extraction.mentions if mn.kind == "person" and mn.value in values}
    )
