"""The Agreement type and its list."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import agreements as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.enums import AgreementStatus, ReviewStatus
from schema.fact import Fact
from schema.node import global_id
from schema.pagination import Connection, connection
from schema.relations import keys, one

if TYPE_CHECKING:
    from schema.country import Country
    from schema.organization import Organization

strawberry.enum(q.DatedFactOrder, description="Fuzzy-date orderings; unknown dates come last.")
DatedFactOrder = q.DatedFactOrder


@strawberry.type(description="An agreement between countries, e.g. a bilateral security pact.")
class Agreement(Fact):
    organization_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug of the agreement.")
    name: str = strawberry.field(description="Descriptive name.")
    kind: str = strawberry.field(description="BILATERAL_SECURITY, MEMORANDUM, FRAMEWORK or OTHER.")
    status: AgreementStatus = strawberry.field(description="Where it stands per the evidence.")
    note: str | None = strawberry.field(description="Further detail the coverage gives.")
    date: FuzzyDate | None = strawberry.field(description="When, to the precision known.")

    @classmethod
    def build(cls, row: m.Agreement) -> "Agreement":
        return cls(
            id=global_id("Agreement", row.key),
            pk=row.id,
            evidence_column="agreement_id",
            organization_pk=row.organization_id,
            key=row.key,
            name=row.name,
            kind=row.kind,
            status=row.status,
            note=row.note,
            date=FuzzyDate.build(row.date, row.date_basis),
            review_status=row.review_status,
        )

    @strawberry.field(description="The countries party to it.")
    async def parties(
        self, info: Info
    ) -> list[Annotated["Country", strawberry.lazy("schema.country")]]:
        from schema.country import Country

        loader = info.context.loaders.through(
            "agreement_parties",
            m.Country,
            m.AgreementParty,
            m.AgreementParty.agreement_id,
            m.AgreementParty.country_id,
            (m.AgreementParty.position,),
        )
        return [Country.build(r) for r in await loader.load(self.pk)]

    @strawberry.field(description="The organization behind it (e.g. the G7 framework).")
    async def organization(
        self, info: Info
    ) -> Annotated["Organization", strawberry.lazy("schema.organization")] | None:
        from schema.organization import Organization

        return await one(info, m.Organization, self.organization_pk, Organization.build)


@strawberry.input(description="Narrow agreements or events; empty fields do not filter.")
class DatedFactFilter:
    countries: list[str] | None = strawberry.field(
        default=None, description="ISO alpha-2 codes (agreement parties, event actors)."
    )
    kinds: list[str] | None = strawberry.field(default=None, description="Kinds.")
    date_from: dt.date | None = strawberry.field(default=None, description="On or after this day.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    articles: list[str] | None = strawberry.field(default=None, description="Article IDs.")
    outlets: list[str] | None = strawberry.field(default=None, description="Outlet IDs or slugs.")
    review_statuses: list[ReviewStatus] | None = strawberry.field(
        default=None,
        description="Review statuses to show; without it, APPROVED and CURATED facts only.",
    )


def to_query_filter(f: DatedFactFilter | None) -> q.DatedFactFilter:
    """The database filter for a GraphQL filter input."""
    f = f or DatedFactFilter()
    return q.DatedFactFilter(
        countries=tuple(f.countries or ()),
        kinds=tuple(f.kinds or ()),
        date_from=f.date_from,
        date_to=f.date_to,
        articles=keys(f.articles, "Article"),
        outlets=keys(f.outlets, "Outlet"),
        review_statuses=tuple(f.review_statuses or ()),
    )


async def resolve_agreements(
    info: Info,
    filter: DatedFactFilter | None = None,
    order_by: DatedFactOrder = q.DatedFactOrder.DATE_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Agreement]:
    order = q.DatedFactOrder(order_by)
    return await connection(
        info,
        q.agreements_query(to_query_filter(filter)),
        f"agreements:{order}",
        q.ordering(m.Agreement, order),
        first,
        after,
        Agreement.build,
    )
