"""The PolicyDecision type, its filter and its list."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import policy_decisions as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.enums import FactStatus, PolicyAction, ReviewStatus
from schema.fact import Fact
from schema.node import global_id
from schema.pagination import Connection, connection
from schema.relations import keys, one
from schema.topic import Topic

if TYPE_CHECKING:
    from schema.country import Country
    from schema.organization import Organization
    from schema.person import Person

strawberry.enum(
    q.PolicyDecisionOrder,
    description="DATE_ASC sorts by the earliest day a date can mean, DATE_DESC by the latest; "
    "unknown dates come last.",
)
PolicyDecisionOrder = q.PolicyDecisionOrder


@strawberry.type(description="A country's or organization's decision about a restriction.")
class PolicyDecision(Fact):
    country_pk: strawberry.Private[int | None]
    organization_pk: strawberry.Private[int | None]
    decided_by_pk: strawberry.Private[int | None]
    topic_pk: strawberry.Private[int]
    key: str = strawberry.field(description="Stable slug of the decision.")
    action: PolicyAction = strawberry.field(description="What was done about the restriction.")
    scope: str | None = strawberry.field(description="What is allowed or asked, in short.")
    limits: str | None = strawberry.field(description="The limits that remain, in short.")
    date: FuzzyDate | None = strawberry.field(description="When, to the precision known.")
    date_note: str | None = strawberry.field(description="How the date was read from the text.")
    status: FactStatus = strawberry.field(description="REPORTED, CONFIRMED, DISPUTED or DENIED.")

    @classmethod
    def build(cls, row: m.PolicyDecision) -> "PolicyDecision":
        return cls(
            id=global_id("PolicyDecision", row.key),
            pk=row.id,
            evidence_column="policy_decision_id",
            country_pk=row.country_id,
            organization_pk=row.organization_id,
            decided_by_pk=row.decided_by_id,
            topic_pk=row.topic_id,
            key=row.key,
            action=row.action,
            scope=row.scope,
            limits=row.limits,
            date=FuzzyDate.build(row.date, row.date_basis),
            date_note=row.date_note,
            status=row.status,
            review_status=row.review_status,
        )

    @strawberry.field(description="The acting country (null when the actor is an organization).")
    async def country(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.country_pk, Country.build)

    @strawberry.field(description="The acting organization, e.g. NATO.")
    async def organization(
        self, info: Info
    ) -> Annotated["Organization", strawberry.lazy("schema.organization")] | None:
        from schema.organization import Organization

        return await one(info, m.Organization, self.organization_pk, Organization.build)

    @strawberry.field(description="Who decided or announced it.")
    async def decided_by(
        self, info: Info
    ) -> Annotated["Person", strawberry.lazy("schema.person")] | None:
        from schema.person import Person

        return await one(info, m.Person, self.decided_by_pk, Person.build)

    @strawberry.field(description="What the decision is about.")
    async def topic(self, info: Info) -> Topic:
        built = await one(info, m.Topic, self.topic_pk, Topic.build)
        assert built is not None
        return built


@strawberry.input(description="Narrow policy decisions; empty fields do not filter.")
class PolicyDecisionFilter:
    topic: str | None = strawberry.field(
        default=None, description="Topic slug, e.g. `weapons-use-on-russian-territory`."
    )
    actions: list[PolicyAction] | None = strawberry.field(default=None, description="Actions.")
    statuses: list[FactStatus] | None = strawberry.field(default=None, description="Statuses.")
    countries: list[str] | None = strawberry.field(
        default=None, description='Acting countries by ISO alpha-2 code, e.g. ["GB", "US"].'
    )
    organizations: list[str] | None = strawberry.field(
        default=None, description='Acting organizations by ID or slug, e.g. ["nato"].'
    )
    people: list[str] | None = strawberry.field(
        default=None, description='Deciding people by ID or slug, e.g. ["joe-biden"].'
    )
    date_from: dt.date | None = strawberry.field(
        default=None, description="Keep decisions whose date can fall on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Keep decisions whose date can fall on or before this day."
    )
    articles: list[str] | None = strawberry.field(
        default=None, description="Only decisions with evidence in these articles (IDs)."
    )
    outlets: list[str] | None = strawberry.field(
        default=None, description="Only decisions with evidence from these outlets (IDs or slugs)."
    )
    review_statuses: list[ReviewStatus] | None = strawberry.field(
        default=None,
        description="Review statuses to show; without it, APPROVED and CURATED facts only.",
    )


def to_query_filter(f: PolicyDecisionFilter | None) -> q.PolicyDecisionFilter:
    """The database filter for a GraphQL filter input."""
    f = f or PolicyDecisionFilter()
    return q.PolicyDecisionFilter(
        topics=(f.topic,) if f.topic else (),
        actions=tuple(f.actions or ()),
        statuses=tuple(f.statuses or ()),
        countries=tuple(f.countries or ()),
        organizations=keys(f.organizations, "Organization"),
        people=keys(f.people, "Person"),
        date_from=f.date_from,
        date_to=f.date_to,
        articles=keys(f.articles, "Article"),
        outlets=keys(f.outlets, "Outlet"),
        review_statuses=tuple(f.review_statuses or ()),
    )


async def resolve_policy_decisions(
    info: Info,
    filter: PolicyDecisionFilter | None = None,
    order_by: PolicyDecisionOrder = q.PolicyDecisionOrder.DATE_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[PolicyDecision]:
    stmt = q.policy_decisions_query(to_query_filter(filter))
    order = q.PolicyDecisionOrder(order_by)
    return await connection(
        info,
        stmt,
        f"policy_decisions:{order}",
        q.ORDERINGS[order],
        first,
        after,
        PolicyDecision.build,
    )
