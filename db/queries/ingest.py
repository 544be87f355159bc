"""Lookups and writes of the intake pipeline (callers own the transaction; these only flush)."""

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import ReviewAction, ReviewStatus

# fact_reviews.fact_type per fact model.
FACT_TYPES: dict[type[Any], str] = {
    m.PolicyDecision: "policy_decision",
    m.AidPackage: "aid_package",
    m.PersonRole: "person_role",
    m.Statement: "statement",
}


# Transaction-level PostgreSQL advisory lock held by every intake (any fixed 64-bit number).
INTAKE_LOCK = 0x46_46_49_4E_54_41_4B_45  # "FFINTAKE"


async def lock_intake(session: AsyncSession) -> None:
    """Serialize intakes until the transaction ends, across processes (PostgreSQL).

    Two articles naming the same new outlet, person or fact must not both create it: the
    second waits, then sees the first's rows. SQLite already lets one writer in at a time.
    """
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INTAKE_LOCK})


async def find_article(
    session: AsyncSession, hashes: Iterable[str], urls: Iterable[str]
) -> m.Article | None:
    """The stored article with one of these content hashes, or with one of these URLs."""
    conditions: list[ColumnElement[bool]] = [m.Article.content_hash.in_(sorted(set(hashes)))]
    if urls := sorted(set(urls)):
        conditions.append(m.Article.url.in_(urls))
    stmt = select(m.Article).where(or_(*conditions)).order_by(m.Article.id).limit(1)
    return (await session.scalars(stmt)).first()


async def key_taken(session: AsyncSession, model: Any, key: str) -> bool:
    return (await session.scalar(select(model.id).where(model.key == key))) is not None


async def unique_key(session: AsyncSession, model: Any, key: str) -> str:
    """`key`, or `key-2`, `key-3`... when another row has it."""
    candidate, number = key, 1
    while await key_taken(session, model, candidate):
        number += 1
        suffix = f"-{number}"
        candidate = key[: 160 - len(suffix)] + suffix
    return candidate


async def country_ids(session: AsyncSession, codes: Iterable[str]) -> dict[str, int]:
    wanted = sorted({c.upper() for c in codes})
    if not wanted:
        return {}
    rows = await session.execute(
        select(m.Country.iso2, m.Country.id).where(m.Country.iso2.in_(wanted))
    )
    return {iso2: id_ for iso2, id_ in rows.all()}


async def ids_by_key(session: AsyncSession, model: Any, keys: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = await session.execute(select(model.key, model.id).where(model.key.in_(wanted)))
    return {key: id_ for key, id_ in rows.all()}


async def known_people(session: AsyncSession) -> tuple[list[m.Person], list[tuple[int, str]]]:
    """Every person, and every (person id, alias) in the order recorded: two statements."""
    people = list((await session.scalars(select(m.Person).order_by(m.Person.id))).all())
    aliases = await session.execute(
        select(m.PersonAlias.person_id, m.PersonAlias.alias).order_by(m.PersonAlias.id)
    )
    return people, [(person_id, alias) for person_id, alias in aliases.all()]


async def find_outlet(session: AsyncSession, key: str, name: str) -> m.Outlet | None:
    """An outlet by slug or by name (case-insensitive)."""
    return await session.scalar(
        select(m.Outlet)
        .where(or_(m.Outlet.key == key, func.lower(m.Outlet.name) == name.casefold()))
        .order_by(m.Outlet.id)
        .limit(1)
    )


def _not_rejected(model: Any) -> Any:
    return model.review_status != ReviewStatus.REJECTED


async def decisions_on(session: AsyncSession, topic_ids: Iterable[int]) -> list[m.PolicyDecision]:
    """Decisions on these topics that may be merged into (never REJECTED ones)."""
    d = m.PolicyDecision
    if not (wanted := sorted(set(topic_ids))):
        return []
    stmt = select(d).where(d.topic_id.in_(wanted), _not_rejected(d)).order_by(d.id)
    return list((await session.scalars(stmt)).all())


async def aid_packages_from(session: AsyncSession, donor_ids: Iterable[int]) -> list[m.AidPackage]:
    """Packages of these donors that may be merged into (never REJECTED ones)."""
    a = m.AidPackage
    if not (wanted := sorted(set(donor_ids))):
        return []
    stmt = select(a).where(a.donor_id.in_(wanted), _not_rejected(a)).order_by(a.id)
    return list((await session.scalars(stmt)).all())


async def roles_of(session: AsyncSession, person_ids: Iterable[int]) -> list[m.PersonRole]:
    """Roles of these people that may be merged into (never REJECTED ones)."""
    r = m.PersonRole
    if not (wanted := sorted(set(person_ids))):
        return []
    stmt = select(r).where(r.person_id.in_(wanted), _not_rejected(r)).order_by(r.id)
    return list((await session.scalars(stmt)).all())


async def evidence_of_article(session: AsyncSession, article_id: int) -> list[m.Evidence]:
    """Every evidence row quoting this article, in text order."""
    e = m.Evidence
    stmt = select(e).where(e.article_id == article_id).order_by(e.start, e.end, e.id)
    return list((await session.scalars(stmt)).all())


async def statements_of_article(session: AsyncSession, article_id: int) -> list[m.Statement]:
    s = m.Statement
    stmt = select(s).where(s.article_id == article_id).order_by(s.start, s.id)
    return list((await session.scalars(stmt)).all())


async def rows_by_id(session: AsyncSession, model: Any, ids: Sequence[int]) -> dict[int, Any]:
    if not ids:
        return {}
    rows = await session.scalars(select(model).where(model.id.in_(sorted(set(ids)))))
    return {row.id: row for row in rows.all()}


async def record_review(
    session: AsyncSession,
    fact: Any,
    action: ReviewAction,
    actor: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
    salt: str = "",
) -> m.FactReview:
    """One line of a fact's review history; `salt` makes the key of each event distinct."""
    fact_type = FACT_TYPES[type(fact)]
    raw = f"{fact_type}|{fact.key}|{action.value}|{actor}|{salt}"
    row = m.FactReview(
        key="ingest-" + hashlib.sha256(raw.encode()).hexdigest()[:32],
        fact_type=fact_type,
        fact_key=fact.key,
        action=action,
        actor=actor[:64],
        at=dt.datetime.now(dt.UTC),
        before=before,
        after=after,
        reason=reason,
    )
    session.add(row)
    return row
