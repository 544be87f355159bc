"""The entities an article's facts point at: people and outlets (found or created), known ids."""

from collections.abc import Sequence

from db import models as m
from db.queries import ingest as q
from ingest import merge
from ingest.extract.model import Extraction, PersonRef
from ingest.outcome import RunState


class Entities:
    """People, outlets, countries, organizations and topics of one run, looked up once each."""

    def __init__(self, run: RunState) -> None:
        self.run = run
        self.countries: dict[str, int] = {}
        self.organizations: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.people: dict[tuple[str | None, str], m.Person] = {}

    async def person(self, ref: PersonRef, spellings: Sequence[str] = ()) -> m.Person:
        """The person a reference names; created (with the spellings seen) when unknown."""
        session = self.run.session
        cache_key = (ref.key, ref.name)
        if cache_key in self.people:
            return self.people[cache_key]
        found = await q.find_person(session, ref.key, ref.name)
        if found is None:
            key = await q.unique_key(session, m.Person, merge.slug(ref.key or ref.name, 120))
            found = m.Person(key=key, name=ref.name[:200])
            session.add(found)
            await session.flush()
            self.run.counters.people_created += 1
            self.run.notes.append(f"new person: {ref.name} ({key})")
        for spelling in spellings:
            if spelling != found.name and len(spelling) <= 200:
                await q.add_alias(session, found.id, spelling)
        self.people[cache_key] = found
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
