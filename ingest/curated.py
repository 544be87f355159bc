"""Load the shipped dataset (countries and curated facts), verifying every quote first."""

import hashlib
import os
import pathlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import (
    AgreementStatus,
    AidKind,
    CountryAliasKind,
    DateBasis,
    FactStatus,
    PolicyAction,
    Stance,
    StatementKind,
)
from db.fuzzy_date import FuzzyDate
from db.queries.dataset_version import bump_data_version
from ingest.normalize import content_hash
from ingest.upsert import LoadReport, Upserter
from ingest.verify import (
    EVIDENCE_SECTIONS,
    CuratedDataError,
    Entry,
    read_bodies,
    read_yaml,
    verify,
)

__all__ = ["DATA_DIR", "CuratedDataError", "LoadReport", "load_dataset", "read_bodies", "verify"]


def default_data_dir() -> pathlib.Path:
    """FRONTLINE_DATA_DIR, else the checkout's data/ (editable install), else ./data."""
    configured = os.environ.get("FRONTLINE_DATA_DIR")
    if configured:
        return pathlib.Path(configured)
    beside_code = pathlib.Path(__file__).resolve().parent.parent / "data"
    return beside_code if beside_code.is_dir() else pathlib.Path.cwd() / "data"


DATA_DIR = default_data_dir()


def _date(entry: Entry | None, field: str = "date") -> FuzzyDate | None:
    raw = (entry or {}).get(field)
    if not raw:
        return None
    return FuzzyDate.parse(str(raw["value"]), raw.get("precision"))


def _dated(entry: Entry) -> dict[str, Any]:
    value = _date(entry)
    basis = entry.get("date_basis")
    return {
        "date_value": value.value if value else None,
        "date_precision": value.precision if value else None,
        "date_earliest": value.earliest if value else None,
        "date_latest": value.latest if value else None,
        "date_basis": DateBasis(basis) if value and basis else None,
    }


def evidence_key(column: str, fact_key: str, article_key: str, span: Entry) -> str:
    """A stable public key for an evidence row, the same on every load."""
    raw = f"{column}|{fact_key}|{article_key}|{span['start']}|{span['end']}|{span['stance']}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


async def load_countries(session: AsyncSession, path: pathlib.Path, report: LoadReport) -> None:
    """Every ISO 3166-1 country with the names coverage uses for it."""
    writer = Upserter(session, report)
    entries = read_yaml(path)
    countries = {}
    for entry in entries:
        countries[entry["iso2"]] = await writer.put(
            m.Country,
            {"iso2": entry["iso2"]},
            iso3=entry["iso3"],
            numeric=str(entry["numeric"]),
            name=entry["name"],
            official_name=entry.get("official_name"),
        )
    await writer.flush()
    for entry in entries:
        for alias in entry.get("aliases") or []:
            await writer.put(
                m.CountryAlias,
                {"alias": alias["alias"]},
                country_id=countries[entry["iso2"]].id,
                kind=CountryAliasKind(alias["kind"]),
            )
    await writer.flush()


async def load_curated(session: AsyncSession, data_dir: pathlib.Path, report: LoadReport) -> None:
    """The hand-curated facts of the shipped articles; verified before anything is written."""
    facts = read_yaml(data_dir / "facts.yaml")
    bodies = read_bodies(facts, data_dir)
    verify(facts, bodies)
    w = Upserter(session, report)
    country_ids = {c.iso2: c.id for c in (await w.index(m.Country, "iso2")).values()}

    def country(code: str | None) -> int | None:
        if code is None:
            return None
        if code not in country_ids:
            raise CuratedDataError(f"unknown country code {code!r}")
        return country_ids[code]

    def ref(ids: Mapping[str, int], section: str, key: str | None) -> int | None:
        if key is None:
            return None
        if key not in ids:
            raise CuratedDataError(f"unknown {section} key {key!r}")
        return ids[key]

    # Entities first (flushing to learn their ids), then the facts that point at them.
    topics = {}
    for e in facts.get("topics") or []:
        topics[e["key"]] = await w.put(
            m.Topic, {"key": e["key"]}, name=e["name"], description=e.get("description")
        )
    orgs = {}
    for e in facts.get("organizations") or []:
        orgs[e["key"]] = await w.put(
            m.Organization,
            {"key": e["key"]},
            name=e["name"],
            kind=e["kind"],
            country_id=country(e.get("country")),
        )
    outlets = {}
    for e in facts.get("outlets") or []:
        outlets[e["key"]] = await w.put(
            m.Outlet,
            {"key": e["key"]},
            name=e["name"],
            domain=e.get("domain"),
            country_id=country(e.get("country")),
        )
    people = {}
    for e in facts.get("people") or []:
        people[e["key"]] = await w.put(
            m.Person,
            {"key": e["key"]},
            name=e["name"],
            nationality_id=country(e.get("nationality")),
        )
    await w.flush()
    org_ids = {k: v.id for k, v in orgs.items()}
    person_ids = {k: v.id for k, v in people.items()}
    topic_ids = {k: v.id for k, v in topics.items()}
    outlet_ids = {k: v.id for k, v in outlets.items()}

    for e in facts.get("organizations") or []:
        for alias in e.get("aliases") or []:
            await w.put(m.OrganizationAlias, {"organization_id": orgs[e["key"]].id, "alias": alias})
    places: dict[str, m.Place] = {}
    for e in facts.get("places") or []:
        places[e["key"]] = await w.put(
            m.Place,
            {"key": e["key"]},
            name=e["name"],
            kind=e["kind"],
            country_id=country(e.get("country")),
        )
    await w.flush()
    place_ids = {k: v.id for k, v in places.items()}
    for e in facts.get("places") or []:
        places[e["key"]].parent_id = ref(place_ids, "places", e.get("parent"))
        for alias in e.get("aliases") or []:
            await w.put(m.PlaceAlias, {"place_id": places[e["key"]].id, "alias": alias})

    articles = {}
    for e in facts.get("articles") or []:
        published = _date(e, "published")
        articles[e["key"]] = await w.put(
            m.Article,
            {"key": e["key"]},
            title=e.get("title"),
            url=e.get("url"),
            outlet_id=ref(outlet_ids, "outlets", e.get("outlet")),
            language=e.get("language") or "en",
            published_value=published.value if published else None,
            published_precision=published.precision if published else None,
            published_earliest=published.earliest if published else None,
            published_latest=published.latest if published else None,
            published_note=e.get("published_note"),
            body=bodies[e["key"]],
            content_hash=content_hash(bodies[e["key"]]),
        )
    await w.flush()
    article_ids = {k: v.id for k, v in articles.items()}
    for e in facts.get("articles") or []:
        for position, author in enumerate(e.get("authors") or []):
            await w.put(
                m.ArticleAuthor,
                {
                    "article_id": articles[e["key"]].id,
                    "person_id": ref(person_ids, "people", author),
                },
                position=position,
            )

    roles: dict[str, tuple[m.PersonRole, Entry]] = {}
    for e in facts.get("people") or []:
        for alias in e.get("aliases") or []:
            await w.put(m.PersonAlias, {"person_id": people[e["key"]].id, "alias": alias})
        for r in e.get("roles") or []:
            roles[r["key"]] = (
                await w.put(
                    m.PersonRole,
                    {"key": r["key"]},
                    person_id=people[e["key"]].id,
                    title=r["title"],
                    organization_id=ref(org_ids, "organizations", r.get("organization")),
                    country_id=country(r.get("country")),
                    **_dated(r),
                ),
                r,
            )

    decisions = {}
    for e in facts.get("policy_decisions") or []:
        decisions[e["key"]] = await w.put(
            m.PolicyDecision,
            {"key": e["key"]},
            country_id=country(e.get("country")),
            organization_id=ref(org_ids, "organizations", e.get("organization")),
            decided_by_id=ref(person_ids, "people", e.get("decided_by")),
            topic_id=ref(topic_ids, "topics", e["topic"]),
            action=PolicyAction(e["action"]),
            scope=e.get("scope"),
            limits=e.get("limits"),
            date_note=e.get("date_note"),
            status=FactStatus(e["status"]),
            **_dated(e),
        )
    packages = {}
    for e in facts.get("aid_packages") or []:
        amount = e.get("amount")
        packages[e["key"]] = await w.put(
            m.AidPackage,
            {"key": e["key"]},
            donor_id=country(e["donor"]),
            recipient_id=country(e["recipient"]),
            amount=Decimal(str(amount)) if amount is not None else None,
            currency=e.get("currency"),
            kind=AidKind(e["kind"]),
            description=e.get("description"),
            mechanism=e.get("mechanism"),
            date_note=e.get("date_note"),
            announced_by_id=ref(person_ids, "people", e.get("announced_by")),
            authorized_by_id=ref(person_ids, "people", e.get("authorized_by")),
            status=FactStatus(e["status"]),
            **_dated(e),
        )
    agreements = {}
    for e in facts.get("agreements") or []:
        agreements[e["key"]] = await w.put(
            m.Agreement,
            {"key": e["key"]},
            name=e["name"],
            kind=e["kind"],
            organization_id=ref(org_ids, "organizations", e.get("organization")),
            status=AgreementStatus(e["status"]),
            note=e.get("note"),
            **_dated(e),
        )
    events = {}
    for e in facts.get("events") or []:
        events[e["key"]] = await w.put(
            m.Event,
            {"key": e["key"]},
            kind=e["kind"],
            description=e["description"],
            actor_id=country(e.get("actor")),
            place_id=ref(place_ids, "places", e.get("place")),
            date_note=e.get("date_note"),
            **_dated(e),
        )
    await w.flush()

    for e in facts.get("aid_packages") or []:
        for position, item in enumerate(e.get("items") or []):
            await w.put(
                m.AidPackageItem,
                {"aid_package_id": packages[e["key"]].id, "name": item["name"]},
                position=position,
                description=item.get("description"),
                quantity=item.get("quantity"),
            )
    for e in facts.get("agreements") or []:
        for position, code in enumerate(e.get("parties") or []):
            await w.put(
                m.AgreementParty,
                {"agreement_id": agreements[e["key"]].id, "country_id": country(code)},
                position=position,
            )
    for e in facts.get("statements") or []:
        await w.put(
            m.Statement,
            {"key": e["key"]},
            article_id=ref(article_ids, "articles", e["article"]),
            speaker_id=ref(person_ids, "people", e.get("speaker")),
            speaker_organization_id=ref(org_ids, "organizations", e.get("speaker_organization")),
            speaker_label=e.get("speaker_label"),
            kind=StatementKind(e["kind"]),
            quote=e["quote"],
            start=e["start"],
            end=e["end"],
            **_dated(e),
        )

    fact_rows: dict[str, Mapping[str, Any]] = {
        "policy_decision_id": decisions,
        "aid_package_id": packages,
        "agreement_id": agreements,
        "event_id": events,
        "person_role_id": {k: row for k, (row, _) in roles.items()},
    }
    sources: list[tuple[str, str, Entry]] = []
    for section, column in EVIDENCE_SECTIONS.items():
        sources += [(column, f["key"], f) for f in facts.get(section) or []]
    sources += [("person_role_id", k, r) for k, (_, r) in roles.items()]
    for column, fact_key, entry in sources:
        fact_id = fact_rows[column][fact_key].id
        for span in entry.get("evidence") or []:
            await w.put(
                m.Evidence,
                {"key": evidence_key(column, fact_key, span["article"], span)},
                article_id=article_ids[span["article"]],
                quote=span["quote"],
                start=span["start"],
                end=span["end"],
                stance=Stance(span["stance"]),
                **{column: fact_id},
            )
    await w.flush()


async def load_dataset(session: AsyncSession, data_dir: pathlib.Path = DATA_DIR) -> LoadReport:
    """Countries, then curated facts. The caller owns the transaction."""
    report = LoadReport()
    await load_countries(session, data_dir / "countries.yaml", report)
    await load_curated(session, data_dir, report)
    if report.changed:
        await bump_data_version(session)
    return report


async def is_empty(session: AsyncSession) -> bool:
    """True when no article has been stored yet."""
    return (await session.scalar(select(m.Article.id).limit(1))) is None
