"""The AidPackage type, its items, filter and list."""

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import aid_packages as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.enums import AidKind, FactStatus, ReviewStatus
from schema.fact import Fact
from schema.node import global_id
from schema.pagination import Connection, connection
from schema.relations import keys, many, one

if TYPE_CHECKING:
    from schema.country import Country
    from schema.person import Person

strawberry.enum(q.AidPackageOrder, description="Orderings of aid packages.")
AidPackageOrder = q.AidPackageOrder


@strawberry.type(description="One thing an aid package contains (e.g. HIMARS launchers).")
class AidPackageItem:
    name: str = strawberry.field(description="Normalized name, e.g. HIMARS.")
    description: str | None = strawberry.field(description="As the coverage describes it.")
    quantity: int | None = strawberry.field(description="How many, when stated.")


@strawberry.type(description="Aid from a donor country to a recipient.")
class AidPackage(Fact):
    donor_pk: strawberry.Private[int]
    recipient_pk: strawberry.Private[int]
    announced_by_pk: strawberry.Private[int | None]
    authorized_by_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug of the package.")
    amount: Decimal | None = strawberry.field(
        description="Value in whole currency units (null for in-kind aid of unstated value)."
    )
    currency: str | None = strawberry.field(description="ISO 4217 code, e.g. USD.")
    kind: AidKind = strawberry.field(description="MILITARY, FINANCIAL or HUMANITARIAN.")
    description: str | None = strawberry.field(description="What the package is, in short.")
    mechanism: str | None = strawberry.field(
        description="Funding mechanism, e.g. Presidential Drawdown Authority."
    )
    date: FuzzyDate | None = strawberry.field(description="When, to the precision known.")
    date_note: str | None = strawberry.field(description="How the date was read from the text.")
    status: FactStatus = strawberry.field(description="REPORTED, CONFIRMED, DISPUTED or DENIED.")

    @classmethod
    def build(cls, row: m.AidPackage) -> "AidPackage":
        return cls(
            id=global_id("AidPackage", row.key),
            pk=row.id,
            evidence_column="aid_package_id",
            donor_pk=row.donor_id,
            recipient_pk=row.recipient_id,
            announced_by_pk=row.announced_by_id,
            authorized_by_pk=row.authorized_by_id,
            key=row.key,
            amount=row.amount,
            currency=row.currency,
            kind=row.kind,
            description=row.description,
            mechanism=row.mechanism,
            date=FuzzyDate.build(row.date, row.date_basis),
            date_note=row.date_note,
            status=row.status,
            review_status=row.review_status,
        )

    @strawberry.field(description="The giving country.")
    async def donor(self, info: Info) -> Annotated["Country", strawberry.lazy("schema.country")]:
        from schema.country import Country

        built = await one(info, m.Country, self.donor_pk, Country.build)
        assert built is not None
        return built

    @strawberry.field(description="The receiving country.")
    async def recipient(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")]:
        from schema.country import Country

        built = await one(info, m.Country, self.recipient_pk, Country.build)
        assert built is not None
        return built

    @strawberry.field(description="Who announced or confirmed it.")
    async def announced_by(
        self, info: Info
    ) -> Annotated["Person", strawberry.lazy("schema.person")] | None:
        from schema.person import Person

        return await one(info, m.Person, self.announced_by_pk, Person.build)

    @strawberry.field(description="Who authorized it.")
    async def authorized_by(
        self, info: Info
    ) -> Annotated["Person", strawberry.lazy("schema.person")] | None:
        from schema.person import Person

        return await one(info, m.Person, self.authorized_by_pk, Person.build)

    @strawberry.field(description="What the package contains, where stated.")
    async def items(self, info: Info) -> list[AidPackageItem]:
        def build(r: m.AidPackageItem) -> AidPackageItem:
            return AidPackageItem(name=r.name, description=r.description, quantity=r.quantity)

        order = (m.AidPackageItem.position,)
        return await many(info, m.AidPackageItem, "aid_package_id", self.pk, build, order)


@strawberry.input(description="Narrow aid packages; empty fields do not filter.")
class AidPackageFilter:
    donors: list[str] | None = strawberry.field(default=None, description="ISO alpha-2 codes.")
    recipients: list[str] | None = strawberry.field(default=None, description="ISO alpha-2 codes.")
    kinds: list[AidKind] | None = strawberry.field(default=None, description="Kinds of aid.")
    currencies: list[str] | None = strawberry.field(default=None, description="ISO 4217 codes.")
    statuses: list[FactStatus] | None = strawberry.field(default=None, description="Statuses.")
    people: list[str] | None = strawberry.field(
        default=None, description="Announced or authorized by these people (IDs or slugs)."
    )
    date_from: dt.date | None = strawberry.field(
        default=None, description="Keep packages whose date can fall on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Keep packages whose date can fall on or before this day."
    )
    articles: list[str] | None = strawberry.field(default=None, description="Article IDs.")
    outlets: list[str] | None = strawberry.field(default=None, description="Outlet IDs or slugs.")
    review_statuses: list[ReviewStatus] | None = strawberry.field(
        default=None,
        description="Review statuses to show; without it, APPROVED and CURATED facts only.",
    )


async def resolve_aid_packages(
    info: Info,
    filter: AidPackageFilter | None = None,
    order_by: AidPackageOrder = q.AidPackageOrder.DATE_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[AidPackage]:
    f = filter or AidPackageFilter()
    stmt = q.aid_packages_query(
        q.AidPackageFilter(
            donors=tuple(f.donors or ()),
            recipients=tuple(f.recipients or ()),
            kinds=tuple(f.kinds or ()),
            currencies=tuple(f.currencies or ()),
            statuses=tuple(f.statuses or ()),
            people=keys(f.people, "Person"),
            date_from=f.date_from,
            date_to=f.date_to,
            articles=keys(f.articles, "Article"),
            outlets=keys(f.outlets, "Outlet"),
            review_statuses=tuple(f.review_statuses or ()),
        )
    )
    order = q.AidPackageOrder(order_by)
    return await connection(
        info, stmt, f"aid_packages:{order}", q.ORDERINGS[order], first, after, AidPackage.build
    )
