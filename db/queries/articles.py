"""Articles: filtered, ordered lists."""

import dataclasses
import datetime as dt
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.queries import filters, search
from db.queries.pagination import Ordering

A = m.Article


@dataclasses.dataclass(frozen=True)
class ArticleFilter:
    """Empty fields do not filter."""

    outlets: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None


class ArticleOrder(enum.StrEnum):
    PUBLISHED_ASC = "PUBLISHED_ASC"
    PUBLISHED_DESC = "PUBLISHED_DESC"


_ASC, _DESC = filters.fuzzy_date_orderings(A.published_earliest, A.published_latest, A.id)
ORDERINGS: dict[ArticleOrder, Ordering] = {
    ArticleOrder.PUBLISHED_ASC: _ASC,
    ArticleOrder.PUBLISHED_DESC: _DESC,
}


def articles_query(f: ArticleFilter, dialect: str) -> Select[Any]:
    """Articles matching the filter (unordered); `dialect` picks the full-text search."""
    stmt = select(A)
    if f.q:
        stmt = stmt.where(A.id.in_(search.article_ids_matching(dialect, f.q)))
    if f.outlets:
        stmt = stmt.where(A.id.in_(filters.article_ids(outlet_keys=f.outlets)))
    if f.authors:
        stmt = stmt.where(
            A.id.in_(
                select(m.ArticleAuthor.article_id).where(
                    m.ArticleAuthor.person_id.in_(filters.person_ids(f.authors))
                )
            )
        )
    if f.languages:
        stmt = stmt.where(A.language.in_(f.languages))
    if f.date_from or f.date_to:
        stmt = stmt.where(
            filters.date_overlaps(A.published_earliest, A.published_latest, f.date_from, f.date_to)
        )
    return stmt
