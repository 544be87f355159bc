"""Agreements and events: filtered, ordered lists."""

import dataclasses
import datetime as dt
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.enums import ReviewStatus
from db.queries import filters
from db.queries.pagination import Ordering


@dataclasses.dataclass(frozen=True)
class DatedFactFilter:
    """For agreements (countries = parties) and events (countries = actor)."""

    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    review_statuses: tuple[ReviewStatus, ...] = ()  # none: the published ones


class DatedFactOrder(enum.StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"


def ordering(model: type[m.Agreement] | type[m.Event], order: DatedFactOrder) -> Ordering:
    """Fuzzy-date order, unknown dates last."""
    if order is DatedFactOrder.DATE_ASC:
        return [(filters.earliest_key(model.date_earliest), False), (model.id, False)]
    return [(filters.latest_key(model.date_latest), True), (model.id, True)]


def agreements_query(f: DatedFactFilter) -> Select[Any]:
    """Agreements matching the filter (unordered)."""
    A = m.Agreement
    stmt = select(A)
    if f.countries:
        parties = select(m.AgreementParty.agreement_id).where(
            m.AgreementParty.country_id.in_(filters.country_ids(f.countries))
        )
        stmt = stmt.where(A.id.in_(parties))
    return _common(stmt, A, "agreement_id", f)


def events_query(f: DatedFactFilter) -> Select[Any]:
    """Events matching the filter (unordered)."""
    E = m.Event
    stmt = select(E)
    if f.countries:
        stmt = stmt.where(E.actor_id.in_(filters.country_ids(f.countries)))
    return _common(stmt, E, "event_id", f)


def _common(
    stmt: Select[Any], model: type[m.Agreement] | type[m.Event], column: str, f: DatedFactFilter
) -> Select[Any]:
    stmt = stmt.where(filters.in_review(model.review_status, f.review_statuses))
    if f.kinds:
        stmt = stmt.where(model.kind.in_([k.upper() for k in f.kinds]))
    if f.date_from or f.date_to:
        stmt = stmt.where(
            filters.date_overlaps(model.date_earliest, model.date_latest, f.date_from, f.date_to)
        )
    if f.articles or f.outlets:
        stmt = stmt.where(model.id.in_(filters.evidenced_in(column, f.articles, f.outlets)))
    return stmt
