"""Aid packages: filtered, ordered lists."""

import dataclasses
import datetime as dt
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.enums import AidKind, FactStatus, ReviewStatus
from db.queries import filters
from db.queries.pagination import Ordering

A = m.AidPackage


@dataclasses.dataclass(frozen=True)
class AidPackageFilter:
    """Empty fields do not filter."""

    donors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    kinds: tuple[AidKind, ...] = ()
    currencies: tuple[str, ...] = ()
    statuses: tuple[FactStatus, ...] = ()
    people: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    review_statuses: tuple[ReviewStatus, ...] = ()  # none: the published ones


class AidPackageOrder(enum.StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"


_ASC, _DESC = filters.fuzzy_date_orderings(A.date_earliest, A.date_latest, A.id)
ORDERINGS: dict[AidPackageOrder, Ordering] = {
    AidPackageOrder.DATE_ASC: _ASC,
    AidPackageOrder.DATE_DESC: _DESC,
}


def aid_packages_query(f: AidPackageFilter) -> Select[Any]:
    """Packages matching the filter (unordered)."""
    stmt = select(A).where(filters.in_review(A.review_status, f.review_statuses))
    if f.donors:
        stmt = stmt.where(A.donor_id.in_(filters.country_ids(f.donors)))
    if f.recipients:
        stmt = stmt.where(A.recipient_id.in_(filters.country_ids(f.recipients)))
    if f.kinds:
        stmt = stmt.where(A.kind.in_(f.kinds))
    if f.currencies:
        stmt = stmt.where(A.currency.in_([c.upper() for c in f.currencies]))
    if f.statuses:
        stmt = stmt.where(A.status.in_(f.statuses))
    if f.people:
        people = filters.person_ids(f.people)
        stmt = stmt.where(A.announced_by_id.in_(people) | A.authorized_by_id.in_(people))
    if f.date_from or f.date_to:
        stmt = stmt.where(
            filters.date_overlaps(A.date_earliest, A.date_latest, f.date_from, f.date_to)
        )
    if f.articles or f.outlets:
        stmt = stmt.where(A.id.in_(filters.evidenced_in("aid_package_id", f.articles, f.outlets)))
    return stmt
