"""Evidence rows: filtered lists and support counts per fact."""

import dataclasses
import enum
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import ReviewStatus, Stance
from db.queries import filters
from db.queries.pagination import Ordering

E = m.Evidence


@dataclasses.dataclass(frozen=True)
class EvidenceFilter:
    """Empty fields do not filter."""

    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    stances: tuple[Stance, ...] = ()
    fact_columns: tuple[str, ...] = ()
    review_statuses: tuple[ReviewStatus, ...] = ()  # of the facts; none: the published ones


class EvidenceOrder(enum.StrEnum):
    ARTICLE_POSITION = "ARTICLE_POSITION"


ORDERINGS: dict[EvidenceOrder, Ordering] = {
    EvidenceOrder.ARTICLE_POSITION: [(E.article_id, False), (E.start, False), (E.id, False)],
}


# Evidence column -> the fact table it points at.
FACT_MODELS: dict[str, Any] = {
    "policy_decision_id": m.PolicyDecision,
    "aid_package_id": m.AidPackage,
    "person_role_id": m.PersonRole,
    "agreement_id": m.Agreement,
    "event_id": m.Event,
}


def of_facts_in_review(wanted: tuple[ReviewStatus, ...] = ()) -> ColumnElement[bool]:
    """Evidence whose fact is in the wanted review statuses (published ones when none asked)."""
    return or_(
        *[
            getattr(E, column).in_(filters.fact_ids_in_review(model, wanted))
            for column, model in FACT_MODELS.items()
        ]
    )


def evidence_query(f: EvidenceFilter) -> Select[Any]:
    """Evidence matching the filter (unordered)."""
    stmt = select(E).where(of_facts_in_review(f.review_statuses))
    if f.articles or f.outlets:
        stmt = stmt.where(E.article_id.in_(filters.article_ids(f.articles, f.outlets)))
    if f.stances:
        stmt = stmt.where(E.stance.in_(f.stances))
    if f.fact_columns:
        stmt = stmt.where(or_(*[getattr(E, c).is_not(None) for c in f.fact_columns]))
    return stmt


@dataclasses.dataclass(frozen=True)
class Support:
    """How a fact stands in the coverage."""

    articles: int = 0
    sources: int = 0
    outlets: int = 0
    disputing: int = 0


async def support_by_fact(session: AsyncSession, column: str, ids: Sequence[int]) -> list[Support]:
    """Supporting articles/sources/outlets and disputing quotes for each fact id asked."""
    fact = getattr(E, column)
    stmt = (
        select(fact, E.article_id, m.Article.outlet_id, E.stance)
        .join(m.Article, m.Article.id == E.article_id)
        .where(fact.in_(ids))
    )
    articles: dict[int, set[int]] = defaultdict(set)
    sources: dict[int, set[str]] = defaultdict(set)
    outlets: dict[int, set[int]] = defaultdict(set)
    disputing: dict[int, int] = defaultdict(int)
    for fact_id, article_id, outlet_id, stance in (await session.execute(stmt)).all():
        if stance == Stance.DISPUTES:
            disputing[fact_id] += 1
            continue
        articles[fact_id].add(article_id)
        # An article whose outlet is unknown counts as a source of its own.
        sources[fact_id].add(f"o{outlet_id}" if outlet_id else f"a{article_id}")
        if outlet_id:
            outlets[fact_id].add(outlet_id)
    return [Support(len(articles[i]), len(sources[i]), len(outlets[i]), disputing[i]) for i in ids]
