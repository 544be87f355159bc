"""The Statement type: words attributed to a speaker, and the statements list."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from db.queries import statements as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.enums import ReviewStatus, StatementKind
from schema.node import Node, global_id
from schema.pagination import Connection, connection
from schema.relations import keys, one, search_text

if TYPE_CHECKING:
    from schema.article import Article
    from schema.history import FactReview
    from schema.organization import Organization
    from schema.person import Person

strawberry.enum(q.StatementOrder, description="Orderings of statements.")
StatementOrder = q.StatementOrder


@strawberry.type(
    description="Words attributed to a speaker in an article; `article.body[start:end] == quote`."
)
class Statement(Node):
    pk: strawberry.Private[int]
    article_pk: strawberry.Private[int]
    speaker_pk: strawberry.Private[int | None]
    speaker_organization_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable slug of the statement.")
    kind: StatementKind = strawberry.field(description="DIRECT quotation or PARAPHRASE.")
    quote: str = strawberry.field(description="The statement's exact text in the article.")
    start: int = strawberry.field(description="Offset of the first character in the body.")
    end: int = strawberry.field(description="Offset just past the last character.")
    speaker_label: str | None = strawberry.field(
        description='How an unnamed source is described, e.g. "an anonymous American official".'
    )
    date: FuzzyDate | None = strawberry.field(description="When it was said, if known.")
    review_status: ReviewStatus = strawberry.field(
        description="PROPOSED, APPROVED, REJECTED or CURATED (see ReviewStatus)."
    )

    @classmethod
    def build(cls, row: m.Statement) -> "Statement":
        return cls(
            id=global_id("Statement", row.key),
            pk=row.id,
            article_pk=row.article_id,
            speaker_pk=row.speaker_id,
            speaker_organization_pk=row.speaker_organization_id,
            key=row.key,
            kind=row.kind,
            quote=row.quote,
            start=row.start,
            end=row.end,
            speaker_label=row.speaker_label,
            date=FuzzyDate.build(row.date, row.date_basis),
            review_status=row.review_status,
        )

    @strawberry.field(description="Review changes of this statement, newest first.")
    async def history(
        self, info: Info
    ) -> list[Annotated["FactReview", strawberry.lazy("schema.history")]]:
        from schema.history import history_of

        return await history_of(info, self.id)

    @strawberry.field(description="The named speaker, if any.")
    async def speaker(
        self, info: Info
    ) -> Annotated["Person", strawberry.lazy("schema.person")] | None:
        from schema.person import Person

        return await one(info, m.Person, self.speaker_pk, Person.build)

    @strawberry.field(description="The organization speaking (e.g. an outlet quoted as a source).")
    async def speaker_organization(
        self, info: Info
    ) -> Annotated["Organization", strawberry.lazy("schema.organization")] | None:
        from schema.organization import Organization

        return await one(info, m.Organization, self.speaker_organization_pk, Organization.build)

    @strawberry.field(description="The article it appears in.")
    async def article(self, info: Info) -> Annotated["Article", strawberry.lazy("schema.article")]:
        from schema.article import Article

        built = await one(info, m.Article, self.article_pk, Article.build)
        assert built is not None
        return built


@strawberry.input(description="Narrow statements; empty fields do not filter.")
class StatementFilter:
    speakers: list[str] | None = strawberry.field(
        default=None, description="Speakers (person IDs or slugs)."
    )
    organizations: list[str] | None = strawberry.field(
        default=None, description="Speaking organizations (IDs or slugs)."
    )
    articles: list[str] | None = strawberry.field(default=None, description="Article IDs.")
    outlets: list[str] | None = strawberry.field(default=None, description="Outlet IDs or slugs.")
    date_from: dt.date | None = strawberry.field(default=None, description="On or after this day.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    q: str | None = strawberry.field(
        default=None, description="Full-text search over the statements' words (all must match)."
    )
    review_statuses: list[ReviewStatus] | None = strawberry.field(
        default=None,
        description="Review statuses to show; without it, APPROVED and CURATED facts only.",
    )


async def resolve_statements(
    info: Info,
    filter: StatementFilter | None = None,
    order_by: StatementOrder = q.StatementOrder.DATE_ASC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Statement]:
    f = filter or StatementFilter()
    stmt = q.statements_query(
        q.StatementFilter(
            speakers=keys(f.speakers, "Person"),
            organizations=keys(f.organizations, "Organization"),
            articles=keys(f.articles, "Article"),
            outlets=keys(f.outlets, "Outlet"),
            date_from=f.date_from,
            date_to=f.date_to,
            q=search_text(f.q),
            review_statuses=tuple(f.review_statuses or ()),
        ),
        info.context.session.get_bind().dialect.name,
    )
    order = q.StatementOrder(order_by)
    return await connection(
        info, stmt, f"statements:{order}", q.ORDERINGS[order], first, after, Statement.build
    )
