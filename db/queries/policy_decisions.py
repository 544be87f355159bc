"""Policy decisions: filtered, ordered lists."""

import dataclasses
import datetime as dt
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.enums import FactStatus, PolicyAction, ReviewStatus
from db.queries import filters
from db.queries.pagination import Ordering

D = m.PolicyDecision


@dataclasses.dataclass(frozen=True)
class PolicyDecisionFilter:
    """What a journalist narrows decisions by; empty fields do not filter."""

    topics: tuple[str, ...] = ()
    actions: tuple[PolicyAction, ...] = ()
    statuses: tuple[FactStatus, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    review_statuses: tuple[ReviewStatus, ...] = ()  # none: the published ones


class PolicyDecisionOrder(enum.StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"


_ASC, _DESC = filters.fuzzy_date_orderings(D.date_earliest, D.date_latest, D.id)
ORDERINGS: dict[PolicyDecisionOrder, Ordering] = {
    PolicyDecisionOrder.DATE_ASC: _ASC,
    PolicyDecisionOrder.DATE_DESC: _DESC,
}


def policy_decisions_query(f: PolicyDecisionFilter) -> Select[Any]:
    """Decisions matching the filter (unordered)."""
    stmt = select(D).where(filters.in_review(D.review_status, f.review_statuses))
    if f.topics:
        stmt = stmt.where(D.topic_id.in_(select(m.Topic.id).where(m.Topic.key.in_(f.topics))))
    if f.actions:
        stmt = stmt.where(D.action.in_(f.actions))
    if f.statuses:
        stmt = stmt.where(D.status.in_(f.statuses))
    if f.countries:
        stmt = stmt.where(D.country_id.in_(filters.country_ids(f.countries)))
    if f.organizations:
        stmt = stmt.where(
            D.organization_id.in_(
                select(m.Organization.id).where(m.Organization.key.in_(f.organizations))
            )
        )
    if f.people:
        stmt = stmt.where(D.decided_by_id.in_(filters.person_ids(f.people)))
    if f.date_from or f.date_to:
        stmt = stmt.where(
            filters.date_overlaps(D.date_earliest, D.date_latest, f.date_from, f.date_to)
        )
    if f.articles or f.outlets:
        stmt = stmt.where(
            D.id.in_(filters.evidenced_in("policy_decision_id", f.articles, f.outlets))
        )
    return stmt
