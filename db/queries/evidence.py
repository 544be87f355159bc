"""Evidence rows: filtered lists and support counts per fact."""

import dataclasses
import enum
from typing import Any

from sqlalchemy import Select, func, select

from db import models as m
from db.enums import Stance
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


class EvidenceOrder(enum.StrEnum):
    ARTICLE_POSITION = "ARTICLE_POSITION"


ORDERINGS: dict[EvidenceOrder, Ordering] = {
    EvidenceOrder.ARTICLE_POSITION: [(E.article_id, False), (E.start, False), (E.id, False)],
}


def evidence_query(f: EvidenceFilter) -> Select[Any]:
    """Evidence matching the filter (unordered)."""
    stmt = select(E)
    if f.articles or f.outlets:
        stmt = stmt.where(E.article_id.in_(filters.article_ids(f.articles, f.outlets)))
    if f.stances:
        stmt = stmt.where(E.stance.in_(f.stances))
    if f.fact_columns:
        stmt = stmt.where(func.coalesce(*[getattr(E, c) for c in f.fact_columns]).is_not(None))
    return stmt


def support_counts_query(column: str, fact_ids: list[int]) -> Select[Any]:
    """Per fact: distinct supporting articles, distinct known outlets, disputing quotes."""
    fact = getattr(E, column)
    supports = E.stance == Stance.SUPPORTS
    return (
        select(
            fact,
            func.count(func.distinct(E.article_id)).filter(supports),
            func.count(func.distinct(m.Article.outlet_id)).filter(supports),
            func.count(E.id).filter(E.stance == Stance.DISPUTES),
        )
        .join(m.Article, m.Article.id == E.article_id)
        .where(fact.in_(fact_ids))
        .group_by(fact)
    )
