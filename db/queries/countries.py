"""Countries: lookups by code or alias, and lists."""

import dataclasses
import enum
from typing import Any

from sqlalchemy import Select, exists, select

from db import models as m
from db.queries import filters
from db.queries.pagination import Ordering

C = m.Country


@dataclasses.dataclass(frozen=True)
class CountryFilter:
    """`name` matches the name or any alias; `has_facts` keeps countries that act in a fact."""

    codes: tuple[str, ...] = ()
    name: str | None = None
    has_facts: bool | None = None


class CountryOrder(enum.StrEnum):
    NAME_ASC = "NAME_ASC"
    ISO2_ASC = "ISO2_ASC"


ORDERINGS: dict[CountryOrder, Ordering] = {
    CountryOrder.NAME_ASC: [(C.name, False), (C.id, False)],
    CountryOrder.ISO2_ASC: [(C.iso2, False), (C.id, False)],
}


def _published(model: type[m.PolicyDecision] | type[m.AidPackage]) -> Any:
    return filters.in_review(model.review_status)


def countries_query(f: CountryFilter) -> Select[Any]:
    """Countries matching the filter (unordered)."""
    stmt = select(C)
    if f.codes:
        codes = [c.upper() for c in f.codes]
        stmt = stmt.where(C.iso2.in_(codes) | C.iso3.in_(codes))
    if f.name:
        alias = select(m.CountryAlias.country_id).where(
            filters.name_contains(m.CountryAlias.alias, f.name)
        )
        stmt = stmt.where(filters.name_contains(C.name, f.name) | C.id.in_(alias))
    if f.has_facts is not None:
        acts = (
            exists().where(m.PolicyDecision.country_id == C.id, _published(m.PolicyDecision))
            | exists().where(m.AidPackage.donor_id == C.id, _published(m.AidPackage))
            | exists().where(m.AidPackage.recipient_id == C.id, _published(m.AidPackage))
        )
        stmt = stmt.where(acts if f.has_facts else ~acts)
    return stmt
