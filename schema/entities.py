"""Lists of the small named entities: outlets, organizations, places, topics."""

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from db import models as m
from db.queries import entities as q
from schema.context import Info
from schema.organization import Organization
from schema.outlet import Outlet
from schema.pagination import Connection, connection
from schema.place import Place
from schema.topic import Topic

T = TypeVar("T")


@strawberry.input(description="Narrow a list of named entities; empty fields do not filter.")
class EntityFilter:
    name: str | None = strawberry.field(
        default=None, description="Part of the name (case-insensitive)."
    )
    kinds: list[str] | None = strawberry.field(
        default=None, description="Kinds (organizations and places only)."
    )
    countries: list[str] | None = strawberry.field(
        default=None, description="ISO alpha-2 codes of the country they belong to."
    )


async def _list(
    info: Info,
    model: Any,
    name: str,
    build: Callable[[Any], T],
    f: EntityFilter | None,
    first: int,
    after: str | None,
) -> Connection[T]:
    f = f or EntityFilter()
    stmt = q.entities_query(
        model,
        q.EntityFilter(name=f.name, kinds=tuple(f.kinds or ()), countries=tuple(f.countries or ())),
    )
    return await connection(info, stmt, f"{name}:NAME_ASC", q.ordering(model), first, after, build)


async def resolve_outlets(
    info: Info, filter: EntityFilter | None = None, first: int = 20, after: str | None = None
) -> Connection[Outlet]:
    return await _list(info, m.Outlet, "outlets", Outlet.build, filter, first, after)


async def resolve_organizations(
    info: Info, filter: EntityFilter | None = None, first: int = 20, after: str | None = None
) -> Connection[Organization]:
    return await _list(
        info, m.Organization, "organizations", Organization.build, filter, first, after
    )


async def resolve_places(
    info: Info, filter: EntityFilter | None = None, first: int = 20, after: str | None = None
) -> Connection[Place]:
    return await _list(info, m.Place, "places", Place.build, filter, first, after)


async def resolve_topics(
    info: Info, filter: EntityFilter | None = None, first: int = 20, after: str | None = None
) -> Connection[Topic]:
    return await _list(info, m.Topic, "topics", Topic.build, filter, first, after)
