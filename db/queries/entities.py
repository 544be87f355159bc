"""Named entities without facts of their own (outlets, organizations, places, topics)."""

import dataclasses
import enum
from typing import Any

from sqlalchemy import Select, select

from db import models as m
from db.queries import filters
from db.queries.pagination import Ordering


@dataclasses.dataclass(frozen=True)
class EntityFilter:
    """Shared by the small entity lists; fields a list does not have are ignored there."""

    name: str | None = None
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


class EntityOrder(enum.StrEnum):
    NAME_ASC = "NAME_ASC"


NamedModel = type[m.Outlet] | type[m.Organization] | type[m.Place] | type[m.Topic]


def ordering(model: NamedModel) -> Ordering:
    """Alphabetical, ties broken by id."""
    return [(model.name, False), (model.id, False)]


def entities_query(model: NamedModel, f: EntityFilter) -> Select[Any]:
    """Rows of `model` matching the filter (unordered)."""
    stmt = select(model)
    if f.name:
        stmt = stmt.where(filters.name_contains(model.name, f.name))
    if f.kinds and hasattr(model, "kind"):
        stmt = stmt.where(model.kind.in_([k.upper() for k in f.kinds]))
    if f.countries and hasattr(model, "country_id"):
        stmt = stmt.where(model.country_id.in_(filters.country_ids(f.countries)))
    return stmt
