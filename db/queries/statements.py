"""Statements: filtered, ordered lists."""

import dataclasses
import datetime as dt
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.enums import ReviewStatus
from db.queries import filters, search
from db.queries.pagination import Ordering

S = m.Statement


@dataclasses.dataclass(frozen=True)
class StatementFilter:
    """Empty fields do not filter."""

    speakers: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    review_statuses: tuple[ReviewStatus, ...] = ()  # none: the published ones


class StatementOrder(enum.StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"


ORDERINGS: dict[StatementOrder, Ordering] = {
    StatementOrder.DATE_ASC: [(filters.earliest_key(S.date_earliest), False), (S.id, False)],
    StatementOrder.DATE_DESC: [(filters.latest_key(S.date_latest), True), (S.id, True)],
}


def statements_query(f: StatementFilter, dialect: str) -> Select[Any]:
    """Statements matching the filter (unordered); `dialect` picks the full-text search."""
    stmt = select(S).where(filters.in_review(S.review_status, f.review_statuses))
    if f.q:
        stmt = stmt.where(S.id.in_(search.statement_ids_matching(dialect, f.q)))
    if f.speakers:
        stmt = stmt.where(S.speaker_id.in_(filters.person_ids(f.speakers)))
    if f.organizations:
        stmt = stmt.where(
            S.speaker_organization_id.in_(
                select(m.Organization.id).where(m.Organization.key.in_(f.organizations))
            )
        )
    if f.articles or f.outlets:
        stmt = stmt.where(S.article_id.in_(filters.article_ids(f.articles, f.outlets)))
    if f.date_from or f.date_to:
        stmt = stmt.where(
            filters.date_overlaps(S.date_earliest, S.date_latest, f.date_from, f.date_to)
        )
    return stmt
