"""Evidence rows: filtered lists and support counts per fact."""

import collections
import dataclasses
import enum
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, or_, select
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
    """Evidence whose fact is in the wanted review statuses (published ones when none asked).

    The status is looked up per evidence row, by the primary key of the one fact it points
    at: a page of 200 rows costs 200 index probes. (`fact_id IN (SELECT id ... WHERE status
    ...)` had the database build the set of every published fact, per fact table, per page:
    most of the time of a large export.)"""
    status = case(
        *[
            (
                getattr(E, column).is_not(None),
                select(model.review_status)
                .where(model.id == getattr(E, column))
                .correlate(E)
                .scalar_subquery(),
            )
            for column, model in FACT_MODELS.items()
        ]
    )
    return filters.in_review(status, wanted)


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


@dataclasses.dataclass(frozen=True)
class QuotedIn:
    """Evidence of some facts with the articles it quotes (and their outlets), read together.

    The rows are plain records (named tuples of the table's columns, with the same names as
    the models' attributes), not ORM instances: a large answer reads hundreds of them only to
    copy their values into the API's types, and building ORM instances was a fifth of the
    time of the headline query at 10,000 articles."""

    by_fact: dict[int, list[Any]]
    articles: dict[int, Any]
    outlets: dict[int, Any]


def _record_type(model: Any) -> Any:
    return collections.namedtuple(f"{model.__name__}Record", [c.key for c in model.__table__.c])


_RECORDS: dict[Any, Any] = {model: _record_type(model) for model in (E, m.Article, m.Outlet)}


async def evidence_with_articles(
    session: AsyncSession,
    column: str,
    fact_ids: Sequence[int],
    order_by: Sequence[Any],
    with_outlets: bool,
) -> QuotedIn:
    """Every quote of the facts (whatever its review status), grouped per fact in `order_by`,
    joined with its article and the article's outlet in one statement instead of three."""
    models = [E, m.Article, *([m.Outlet] if with_outlets else [])]
    columns = [
        c.label(f"c{i}_{j}")
        for i, model in enumerate(models)
        for j, c in enumerate(model.__table__.c)
    ]
    stmt = select(*columns).join(m.Article, m.Article.id == E.article_id)
    if with_outlets:
        stmt = stmt.outerjoin(m.Outlet, m.Outlet.id == m.Article.outlet_id)
    stmt = stmt.where(getattr(E, column).in_(fact_ids)).order_by(*order_by, E.id)
    spans = []
    offset = 0
    for model in models:
        width = len(model.__table__.c)
        spans.append((_RECORDS[model]._make, offset, offset + width))
        offset += width
    (make_e, e0, e1), (make_a, a0, a1) = spans[0], spans[1]
    by_fact: dict[int, list[Any]] = defaultdict(list)
    articles: dict[int, Any] = {}
    outlets: dict[int, Any] = {}
    for row in (await session.execute(stmt)).all():
        evidence = make_e(row[e0:e1])
        by_fact[getattr(evidence, column)].append(evidence)
        if row[a0] not in articles:
            articles[row[a0]] = make_a(row[a0:a1])
        if with_outlets and row[spans[2][1]] is not None and row[spans[2][1]] not in outlets:
            make_o, o0, o1 = spans[2]
            outlets[row[o0]] = make_o(row[o0:o1])
    return QuotedIn(dict(by_fact), articles, outlets)
