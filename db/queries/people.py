"""People: lists searchable by name or alias spelling."""

import dataclasses
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.queries import filters
from db.queries.pagination import Ordering

P = m.Person


@dataclasses.dataclass(frozen=True)
class PersonFilter:
    """`name` matches the canonical name or any alias spelling."""

    name: str | None = None
    nationalities: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()


class PersonOrder(enum.StrEnum):
    NAME_ASC = "NAME_ASC"


ORDERINGS: dict[PersonOrder, Ordering] = {PersonOrder.NAME_ASC: [(P.name, False), (P.id, False)]}


def people_query(f: PersonFilter) -> Select[Any]:
    """People matching the filter (unordered)."""
    stmt = select(P)
    if f.name:
        alias = select(m.PersonAlias.person_id).where(
            filters.name_contains(m.PersonAlias.alias, f.name)
        )
        stmt = stmt.where(filters.name_contains(P.name, f.name) | P.id.in_(alias))
    if f.nationalities:
        stmt = stmt.where(P.nationality_id.in_(filters.country_ids(f.nationalities)))
    if f.organizations:
        orgs = select(m.Organization.id).where(m.Organization.key.in_(f.organizations))
        stmt = stmt.where(
            P.id.in_(
                select(m.PersonRole.person_id).where(
                    m.PersonRole.organization_id.in_(orgs),
                    filters.in_review(m.PersonRole.review_status),
                )
            )
        )
    return stmt
