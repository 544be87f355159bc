"""The Organization type: alliances, government bodies, media cited as sources."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from schema.context import Info
from schema.node import Node, global_id
from schema.relations import ReviewStatuses, many, one

if TYPE_CHECKING:
    from schema.country import Country
    from schema.policy_decision import PolicyDecision
    from schema.statement import Statement


@strawberry.type(description="An organization named in coverage (NATO, the Pentagon, Politico...).")
class Organization(Node):
    pk: strawberry.Private[int]
    country_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug, e.g. `nato`.")
    name: str = strawberry.field(description="Name of the organization.")
    kind: str = strawberry.field(
        description="ALLIANCE, FORUM, GOVERNMENT_BODY, MILITARY, MEDIA, AGENCY or OTHER."
    )

    @classmethod
    def build(cls, row: m.Organization) -> "Organization":
        return cls(
            id=global_id("Organization", row.key),
            pk=row.id,
            country_pk=row.country_id,
            key=row.key,
            name=row.name,
            kind=row.kind,
        )

    @strawberry.field(description="Other names coverage uses for it.")
    async def aliases(self, info: Info) -> list[str]:
        loader = info.context.loaders.children(m.OrganizationAlias, "organization_id")
        return [r.alias for r in await loader.load(self.pk)]

    @strawberry.field(description="Country it belongs to, if any.")
    async def country(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.country_pk, Country.build)

    @strawberry.field(description="Policy decisions taken or advocated by this organization.")
    async def policy_decisions(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["PolicyDecision", strawberry.lazy("schema.policy_decision")]]:
        from schema.policy_decision import PolicyDecision

        return await many(
            info,
            m.PolicyDecision,
            "organization_id",
            self.pk,
            PolicyDecision.build,
            review=review_statuses,
        )

    @strawberry.field(description="Statements attributed to the organization itself.")
    async def statements(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Statement", strawberry.lazy("schema.statement")]]:
        from schema.statement import Statement

        return await many(
            info,
            m.Statement,
            "speaker_organization_id",
            self.pk,
            Statement.build,
            review=review_statuses,
        )
