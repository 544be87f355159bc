"""The Outlet type: who published an article."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from schema.context import Info
from schema.node import Node, global_id
from schema.relations import many, one

if TYPE_CHECKING:
    from schema.article import Article
    from schema.country import Country


@strawberry.type(description="A publisher of coverage.")
class Outlet(Node):
    pk: strawberry.Private[int]
    country_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug, e.g. `politico`.")
    name: str = strawberry.field(description="Name of the outlet.")
    domain: str | None = strawberry.field(description="Web domain, where known.")

    @classmethod
    def build(cls, row: m.Outlet) -> "Outlet":
        return cls(
            id=global_id("Outlet", row.key),
            pk=row.id,
            country_pk=row.country_id,
            key=row.key,
            name=row.name,
            domain=row.domain,
        )

    @strawberry.field(description="Country the outlet is based in, where known.")
    async def country(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.country_pk, Country.build)

    @strawberry.field(description="Articles from this outlet, newest first.")
    async def articles(
        self, info: Info
    ) -> list[Annotated["Article", strawberry.lazy("schema.article")]]:
        from schema.article import Article

        order = (m.Article.published_latest.desc(),)
        return await many(info, m.Article, "outlet_id", self.pk, Article.build, order)
