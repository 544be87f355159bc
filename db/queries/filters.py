"""Filter clauses shared by the resource queries: review status, fuzzy dates, evidence links."""

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, func, literal, select, true

from db import models as m
from db.enums import ReviewStatus
from db.queries.pagination import Ordering

# What every read shows unless the caller asks for other review statuses: reviewed facts.
PUBLISHED = (ReviewStatus.APPROVED, ReviewStatus.CURATED)

# A review selection: () means PUBLISHED; None (nested reads of one fact's own evidence) means
# no review filter at all.
ReviewSelection = tuple[ReviewStatus, ...] | None


def in_review(column: Any, wanted: tuple[ReviewStatus, ...] = ()) -> ColumnElement[bool]:
    """Rows whose review status is one of `wanted` (the published ones when none is asked)."""
    clause: ColumnElement[bool] = column.in_(wanted or PUBLISHED)
    return clause


def fact_ids_in_review(model: Any, wanted: tuple[ReviewStatus, ...] = ()) -> Select[Any]:
    """Subquery of the ids of `model`'s facts in the wanted review statuses."""
    return select(model.id).where(in_review(model.review_status, wanted))


# Unknown dates sort last in both directions.
FAR_FUTURE = dt.date(9999, 12, 31)
FAR_PAST = dt.date(1, 1, 1)


def earliest_key(column: Any) -> ColumnElement[dt.date]:
    """Sort key for ascending date order: unknown dates last."""
    return func.coalesce(column, literal(FAR_FUTURE, Date()))


def latest_key(column: Any) -> ColumnElement[dt.date]:
    """Sort key for descending date order: unknown dates last."""
    return func.coalesce(column, literal(FAR_PAST, Date()))


def date_overlaps(
    earliest: Any, latest: Any, date_from: dt.date | None, date_to: dt.date | None
) -> ColumnElement[bool]:
    """A fuzzy date matches a range when any day it can mean falls inside the range."""
    clause: ColumnElement[bool] = true()
    if date_from is not None:
        clause = clause & (latest >= date_from)
    if date_to is not None:
        clause = clause & (earliest <= date_to)
    return clause


def article_ids(article_keys: tuple[str, ...] = (), outlet_keys: tuple[str, ...] = ()) -> Any:
    """Subquery of article ids by article key and/or outlet key."""
    stmt = select(m.Article.id)
    if article_keys:
        stmt = stmt.where(m.Article.key.in_(article_keys))
    if outlet_keys:
        stmt = stmt.where(
            m.Article.outlet_id.in_(select(m.Outlet.id).where(m.Outlet.key.in_(outlet_keys)))
        )
    return stmt


def evidenced_in(
    evidence_column: str, article_keys: tuple[str, ...] = (), outlet_keys: tuple[str, ...] = ()
) -> Any:
    """Subquery of fact ids with evidence in the given articles or outlets."""
    column = getattr(m.Evidence, evidence_column)
    return select(column).where(
        column.is_not(None), m.Evidence.article_id.in_(article_ids(article_keys, outlet_keys))
    )


def country_ids(codes: tuple[str, ...]) -> Any:
    """Subquery of country ids by ISO alpha-2 or alpha-3 code (case-insensitive)."""
    upper = [c.upper() for c in codes]
    return select(m.Country.id).where(m.Country.iso2.in_(upper) | m.Country.iso3.in_(upper))


def person_ids(keys: tuple[str, ...]) -> Any:
    """Subquery of person ids by key."""
    return select(m.Person.id).where(m.Person.key.in_(keys))


def name_contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match (LIKE wildcards in the input are matched literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")


def fuzzy_date_orderings(earliest: Any, latest: Any, pk: Any) -> tuple[Ordering, Ordering]:
    """(ascending, descending) orderings by a fuzzy date: ascending by the earliest day it can
    mean, descending by the latest; unknown dates last; ties broken by the primary key."""
    ascending: Ordering = [
        (earliest_key(earliest), False),
        (earliest_key(latest), False),
        (pk, False),
    ]
    descending: Ordering = [(latest_key(latest), True), (latest_key(earliest), True), (pk, True)]
    return ascending, descending
