"""The Country type (ISO 3166-1) and its list."""

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from db import models as m
from db.queries import countries as q
from schema.context import Info
from schema.enums import CountryAliasKind
from schema.node import Node, global_id
from schema.pagination import Connection, connection
from schema.relations import ReviewStatuses, many

if TYPE_CHECKING:
    from schema.aid_package import AidPackage
    from schema.person import Person
    from schema.policy_decision import PolicyDecision

strawberry.enum(q.CountryOrder, description="Orderings of the country list.")
CountryOrder = q.CountryOrder


@strawberry.type(description="Another name coverage uses for a country.")
class CountryAlias:
    alias: str = strawberry.field(description="The name as it appears in text.")
    kind: CountryAliasKind = strawberry.field(description="Name, demonym, capital or institution.")


@strawberry.type(description="A country (ISO 3166-1), with the facts it acts in.")
class Country(Node):
    pk: strawberry.Private[int]
    iso2: str = strawberry.field(description="ISO 3166-1 alpha-2 code, e.g. GB.")
    iso3: str = strawberry.field(description="ISO 3166-1 alpha-3 code, e.g. GBR.")
    numeric: str = strawberry.field(description="ISO 3166-1 numeric code, e.g. 826.")
    name: str = strawberry.field(description="Common English name.")
    official_name: str | None = strawberry.field(description="Official name, where it differs.")

    @classmethod
    def build(cls, row: m.Country) -> "Country":
        return cls(
            id=global_id("Country", row.iso2),
            pk=row.id,
            iso2=row.iso2,
            iso3=row.iso3,
            numeric=row.numeric,
            name=row.name,
            official_name=row.official_name,
        )

    @strawberry.field(description="Demonyms, capitals and institutions coverage uses for it.")
    async def aliases(self, info: Info) -> list[CountryAlias]:
        rows = await info.context.loaders.children(m.CountryAlias, "country_id").load(self.pk)
        return [CountryAlias(alias=r.alias, kind=r.kind) for r in rows]

    @strawberry.field(description="Policy decisions this country took or advocated, by date.")
    async def policy_decisions(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["PolicyDecision", strawberry.lazy("schema.policy_decision")]]:
        from schema.policy_decision import PolicyDecision

        order = (m.PolicyDecision.date_earliest,)
        return await many(
            info,
            m.PolicyDecision,
            "country_id",
            self.pk,
            PolicyDecision.build,
            order,
            review=review_statuses,
        )

    @strawberry.field(description="Aid packages this country gave, by date.")
    async def aid_given(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["AidPackage", strawberry.lazy("schema.aid_package")]]:
        from schema.aid_package import AidPackage

        order = (m.AidPackage.date_earliest,)
        return await many(
            info, m.AidPackage, "donor_id", self.pk, AidPackage.build, order, review=review_statuses
        )

    @strawberry.field(description="Aid packages this country received, by date.")
    async def aid_received(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["AidPackage", strawberry.lazy("schema.aid_package")]]:
        from schema.aid_package import AidPackage

        order = (m.AidPackage.date_earliest,)
        return await many(
            info,
            m.AidPackage,
            "recipient_id",
            self.pk,
            AidPackage.build,
            order,
            review=review_statuses,
        )

    @strawberry.field(description="People of this nationality.")
    async def people(
        self, info: Info
    ) -> list[Annotated["Person", strawberry.lazy("schema.person")]]:
        from schema.person import Person

        return await many(info, m.Person, "nationality_id", self.pk, Person.build, (m.Person.name,))


@strawberry.input(description="Narrow the country list; empty fields do not filter.")
class CountryFilter:
    codes: list[str] | None = strawberry.field(
        default=None, description="ISO alpha-2 or alpha-3 codes."
    )
    name: str | None = strawberry.field(
        default=None, description="Part of the name or of any alias (case-insensitive)."
    )
    has_facts: bool | None = strawberry.field(
        default=None, description="Only countries that act in a decision or aid package (or not)."
    )


async def resolve_countries(
    info: Info,
    filter: CountryFilter | None = None,
    order_by: CountryOrder = q.CountryOrder.NAME_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Country]:
    f = filter or CountryFilter()
    stmt = q.countries_query(
        q.CountryFilter(codes=tuple(f.codes or ()), name=f.name, has_facts=f.has_facts)
    )
    order = q.CountryOrder(order_by)
    return await connection(
        info, stmt, f"countries:{order}", q.ORDERINGS[order], first, after, Country.build
    )


async def resolve_country(info: Info, code: str) -> Country | None:
    rows = await info.context.session.scalars(q.countries_query(q.CountryFilter(codes=(code,))))
    row: Any = rows.first()
    return Country.build(row) if row else None
