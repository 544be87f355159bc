"""The Event type (offensives, attacks, liberations) and its list."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import agreements as q
from schema.agreement import DatedFactFilter, DatedFactOrder, to_query_filter
from schema.context import Info
from schema.dates import FuzzyDate
from schema.fact import Fact
from schema.node import global_id
from schema.pagination import Connection, connection
from schema.relations import one

if TYPE_CHECKING:
    from schema.country import Country
    from schema.place import Place


@strawberry.type(description="Something that happened on the ground, as the coverage reports it.")
class Event(Fact):
    actor_pk: strawberry.Private[int | None]
    place_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug of the event.")
    kind: str = strawberry.field(description="OFFENSIVE, ATTACK, LIBERATION or OTHER.")
    description: str = strawberry.field(description="What happened, in short.")
    date: FuzzyDate | None = strawberry.field(description="When, to the precision known.")
    date_note: str | None = strawberry.field(description="How the date was read from the text.")

    @classmethod
    def build(cls, row: m.Event) -> "Event":
        return cls(
            id=global_id("Event", row.key),
            pk=row.id,
            evidence_column="event_id",
            actor_pk=row.actor_id,
            place_pk=row.place_id,
            key=row.key,
            kind=row.kind,
            description=row.description,
            date=FuzzyDate.build(row.date, row.date_basis),
            date_note=row.date_note,
            review_status=row.review_status,
        )

    @strawberry.field(description="The country that acted.")
    async def actor(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.actor_pk, Country.build)

    @strawberry.field(description="Where it happened.")
    async def place(self, info: Info) -> Annotated["Place", strawberry.lazy("schema.place")] | None:
        from schema.place import Place

        return await one(info, m.Place, self.place_pk, Place.build)


async def resolve_events(
    info: Info,
    filter: DatedFactFilter | None = None,
    order_by: DatedFactOrder = q.DatedFactOrder.DATE_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Event]:
    order = q.DatedFactOrder(order_by)
    return await connection(
        info,
        q.events_query(to_query_filter(filter)),
        f"events:{order}",
        q.ordering(m.Event, order),
        first,
        after,
        Event.build,
    )
