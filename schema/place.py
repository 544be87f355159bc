"""The Place type: cities, regions, rivers."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from schema.context import Info
from schema.node import Node, global_id
from schema.relations import ReviewStatuses, many, one

if TYPE_CHECKING:
    from schema.country import Country
    from schema.event import Event


@strawberry.type(description="A place named in coverage.")
class Place(Node):
    pk: strawberry.Private[int]
    country_pk: strawberry.Private[int | None]
    parent_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug, e.g. `kharkiv-oblast`.")
    name: str = strawberry.field(description="Name in English.")
    kind: str = strawberry.field(description="CITY, TOWN, REGION, RIVER or OTHER.")

    @classmethod
    def build(cls, row: m.Place) -> "Place":
        return cls(
            id=global_id("Place", row.key),
            pk=row.id,
            country_pk=row.country_id,
            parent_pk=row.parent_id,
            key=row.key,
            name=row.name,
            kind=row.kind,
        )

    @strawberry.field(description="Other spellings and descriptions coverage uses.")
    async def aliases(self, info: Info) -> list[str]:
        rows = await info.context.loaders.children(m.PlaceAlias, "place_id").load(self.pk)
        return [r.alias for r in rows]

    @strawberry.field(description="Country the place is in.")
    async def country(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.country_pk, Country.build)

    @strawberry.field(description="The enclosing place (e.g. the oblast of a city).")
    async def parent(self, info: Info) -> "Place | None":
        return await one(info, m.Place, self.parent_pk, Place.build)

    @strawberry.field(description="Places inside this one.")
    async def children(self, info: Info) -> list["Place"]:
        return await many(info, m.Place, "parent_id", self.pk, Place.build, (m.Place.name,))

    @strawberry.field(description="Events reported at this place.")
    async def events(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Event", strawberry.lazy("schema.event")]]:
        from schema.event import Event

        return await many(info, m.Event, "place_id", self.pk, Event.build, review=review_statuses)
