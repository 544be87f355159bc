"""The Person and PersonRole types, and the people list."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import people as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.fact import Fact
from schema.node import Node, global_id
from schema.pagination import Connection, connection
from schema.relations import ReviewStatuses, keys, many, one

if TYPE_CHECKING:
    from schema.aid_package import AidPackage
    from schema.article import Article
    from schema.country import Country
    from schema.organization import Organization
    from schema.policy_decision import PolicyDecision
    from schema.statement import Statement

strawberry.enum(q.PersonOrder, description="Orderings of the people list.")
PersonOrder = q.PersonOrder


@strawberry.type(description="A person named in coverage.")
class Person(Node):
    pk: strawberry.Private[int]
    nationality_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug, e.g. `dmytro-kuleba`.")
    name: str = strawberry.field(description="Canonical name.")

    @classmethod
    def build(cls, row: m.Person) -> "Person":
        return cls(
            id=global_id("Person", row.key),
            pk=row.id,
            nationality_pk=row.nationality_id,
            key=row.key,
            name=row.name,
        )

    @strawberry.field(description='Other spellings seen in coverage (e.g. "Dimitro Kuleba").')
    async def aliases(self, info: Info) -> list[str]:
        rows = await info.context.loaders.children(m.PersonAlias, "person_id").load(self.pk)
        return [r.alias for r in rows]

    @strawberry.field(description="Nationality, where the coverage makes it plain.")
    async def nationality(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.nationality_pk, Country.build)

    @strawberry.field(description="Titles the person holds according to the evidence.")
    async def roles(self, info: Info, review_statuses: ReviewStatuses = None) -> list["PersonRole"]:
        return await many(
            info, m.PersonRole, "person_id", self.pk, PersonRole.build, review=review_statuses
        )

    @strawberry.field(description="Statements attributed to the person.")
    async def statements(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Statement", strawberry.lazy("schema.statement")]]:
        from schema.statement import Statement

        return await many(
            info, m.Statement, "speaker_id", self.pk, Statement.build, review=review_statuses
        )

    @strawberry.field(description="Policy decisions the person decided, announced or advocated.")
    async def decisions(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["PolicyDecision", strawberry.lazy("schema.policy_decision")]]:
        from schema.policy_decision import PolicyDecision

        return await many(
            info,
            m.PolicyDecision,
            "decided_by_id",
            self.pk,
            PolicyDecision.build,
            review=review_statuses,
        )

    @strawberry.field(description="Aid packages the person announced.")
    async def aid_announced(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["AidPackage", strawberry.lazy("schema.aid_package")]]:
        from schema.aid_package import AidPackage

        return await many(
            info, m.AidPackage, "announced_by_id", self.pk, AidPackage.build, review=review_statuses
        )

    @strawberry.field(description="Articles the person wrote.")
    async def articles_written(
        self, info: Info
    ) -> list[Annotated["Article", strawberry.lazy("schema.article")]]:
        from schema.article import Article

        loader = info.context.loaders.through(
            "articles_by_author",
            m.Article,
            m.ArticleAuthor,
            m.ArticleAuthor.person_id,
            m.ArticleAuthor.article_id,
        )
        return [Article.build(r) for r in await loader.load(self.pk)]


@strawberry.type(description="A title a person holds, e.g. Secretary of State, United States.")
class PersonRole(Fact):
    person_pk: strawberry.Private[int]
    organization_pk: strawberry.Private[int | None]
    country_pk: strawberry.Private[int | None]
    title: str = strawberry.field(description="The title as a job name.")
    date: FuzzyDate | None = strawberry.field(description="When the role is attested, if stated.")

    @classmethod
    def build(cls, row: m.PersonRole) -> "PersonRole":
        return cls(
            id=global_id("PersonRole", row.key),
            pk=row.id,
            evidence_column="person_role_id",
            person_pk=row.person_id,
            organization_pk=row.organization_id,
            country_pk=row.country_id,
            title=row.title,
            date=FuzzyDate.build(row.date, row.date_basis),
            review_status=row.review_status,
        )

    @strawberry.field(description="Who holds the role.")
    async def person(self, info: Info) -> Person:
        built = await one(info, m.Person, self.person_pk, Person.build)
        assert built is not None
        return built

    @strawberry.field(description="Organization of the role, e.g. the Pentagon.")
    async def organization(
        self, info: Info
    ) -> Annotated["Organization", strawberry.lazy("schema.organization")] | None:
        from schema.organization import Organization

        return await one(info, m.Organization, self.organization_pk, Organization.build)

    @strawberry.field(description="Country the role serves.")
    async def country(
        self, info: Info
    ) -> Annotated["Country", strawberry.lazy("schema.country")] | None:
        from schema.country import Country

        return await one(info, m.Country, self.country_pk, Country.build)


@strawberry.input(description="Narrow the people list; empty fields do not filter.")
class PersonFilter:
    name: str | None = strawberry.field(
        default=None, description="Part of the name or of any alias spelling (case-insensitive)."
    )
    nationalities: list[str] | None = strawberry.field(
        default=None, description="ISO alpha-2 codes."
    )
    organizations: list[str] | None = strawberry.field(
        default=None, description="People with a role in these organizations (IDs or slugs)."
    )


async def resolve_people(
    info: Info,
    filter: PersonFilter | None = None,
    order_by: PersonOrder = q.PersonOrder.NAME_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Person]:
    f = filter or PersonFilter()
    stmt = q.people_query(
        q.PersonFilter(
            name=f.name,
            nationalities=tuple(f.nationalities or ()),
            organizations=keys(f.organizations, "Organization"),
        )
    )
    order = q.PersonOrder(order_by)
    return await connection(
        info, stmt, f"people:{order}", q.ORDERINGS[order], first, after, Person.build
    )
