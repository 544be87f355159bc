"""The Article type: coverage with its body, and every fact it supports."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from db import models as m
from db.queries import articles as q
from schema.context import Info
from schema.dates import FuzzyDate
from schema.node import Node, global_id
from schema.outlet import Outlet
from schema.pagination import Connection, connection
from schema.relations import ReviewStatuses, keys, many, one, search_text

if TYPE_CHECKING:
    from schema.agreement import Agreement
    from schema.aid_package import AidPackage
    from schema.event import Event
    from schema.evidence import Evidence
    from schema.person import Person
    from schema.policy_decision import PolicyDecision
    from schema.statement import Statement

strawberry.enum(q.ArticleOrder, description="Orderings of the article list.")
ArticleOrder = q.ArticleOrder


@strawberry.type(description="An article of coverage; every fact's evidence quotes its body.")
class Article(Node):
    pk: strawberry.Private[int]
    outlet_pk: strawberry.Private[int | None]
    key: str = strawberry.field(description="Stable key of the article.")
    title: str | None = strawberry.field(description="Headline, when the text carries one.")
    url: str | None = strawberry.field(description="Where it was published, when known.")
    language: str = strawberry.field(description="Language of the body (BCP 47, e.g. en).")
    published_at: str | None = strawberry.field(
        description='Publication date as ISO text at its precision ("2024-05-31" or "2024-05").'
    )
    published: FuzzyDate | None = strawberry.field(description="Publication date with bounds.")
    published_note: str | None = strawberry.field(
        description="Where the publication date comes from (dateline, or how it was inferred)."
    )
    body: str = strawberry.field(description="The full text as received; offsets index into it.")
    content_hash: str = strawberry.field(description="SHA-256 of the normalized text.")

    @classmethod
    def build(cls, row: m.Article) -> "Article":
        return cls(
            id=global_id("Article", row.key),
            pk=row.id,
            outlet_pk=row.outlet_id,
            key=row.key,
            title=row.title,
            url=row.url,
            language=row.language,
            published_at=row.published_value,
            published=FuzzyDate.build(row.published),
            published_note=row.published_note,
            body=row.body,
            content_hash=row.content_hash,
        )

    @strawberry.field(description="The publisher, when known.")
    async def outlet(self, info: Info) -> Outlet | None:
        return await one(info, m.Outlet, self.outlet_pk, Outlet.build)

    @strawberry.field(description="Bylined authors.")
    async def authors(
        self, info: Info
    ) -> list[Annotated["Person", strawberry.lazy("schema.person")]]:
        from schema.person import Person

        loader = info.context.loaders.through(
            "authors_by_article",
            m.Person,
            m.ArticleAuthor,
            m.ArticleAuthor.article_id,
            m.ArticleAuthor.person_id,
            (m.ArticleAuthor.position,),
        )
        return [Person.build(r) for r in await loader.load(self.pk)]

    @strawberry.field(description="Every evidence quote taken from this article, in text order.")
    async def evidence(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Evidence", strawberry.lazy("schema.evidence")]]:
        from schema.evidence import Evidence

        order = (m.Evidence.start,)
        return await many(
            info, m.Evidence, "article_id", self.pk, Evidence.build, order, review=review_statuses
        )

    @strawberry.field(description="Statements quoted in this article, in text order.")
    async def statements(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Statement", strawberry.lazy("schema.statement")]]:
        from schema.statement import Statement

        order = (m.Statement.start,)
        return await many(
            info, m.Statement, "article_id", self.pk, Statement.build, order, review=review_statuses
        )

    async def _facts(
        self, info: Info, model: type[Any], column: str, review: list[Any] | None
    ) -> list[Any]:
        loader = info.context.loaders.through(
            f"facts_by_article:{column}",
            model,
            m.Evidence,
            m.Evidence.article_id,
            getattr(m.Evidence, column),
            review=tuple(review or ()),
        )
        return list(await loader.load(self.pk))

    @strawberry.field(description="Policy decisions this article supports or disputes.")
    async def policy_decisions(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["PolicyDecision", strawberry.lazy("schema.policy_decision")]]:
        from schema.policy_decision import PolicyDecision

        rows = await self._facts(info, m.PolicyDecision, "policy_decision_id", review_statuses)
        return [PolicyDecision.build(r) for r in rows]

    @strawberry.field(description="Aid packages this article supports or disputes.")
    async def aid_packages(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["AidPackage", strawberry.lazy("schema.aid_package")]]:
        from schema.aid_package import AidPackage

        return [
            AidPackage.build(r)
            for r in await self._facts(info, m.AidPackage, "aid_package_id", review_statuses)
        ]

    @strawberry.field(description="Agreements this article reports on.")
    async def agreements(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Agreement", strawberry.lazy("schema.agreement")]]:
        from schema.agreement import Agreement

        return [
            Agreement.build(r)
            for r in await self._facts(info, m.Agreement, "agreement_id", review_statuses)
        ]

    @strawberry.field(description="Events this article reports.")
    async def events(
        self, info: Info, review_statuses: ReviewStatuses = None
    ) -> list[Annotated["Event", strawberry.lazy("schema.event")]]:
        from schema.event import Event

        return [
            Event.build(r) for r in await self._facts(info, m.Event, "event_id", review_statuses)
        ]


@strawberry.input(description="Narrow the article list; empty fields do not filter.")
class ArticleFilter:
    outlets: list[str] | None = strawberry.field(default=None, description="Outlet IDs or slugs.")
    authors: list[str] | None = strawberry.field(
        default=None, description="Author person IDs or slugs."
    )
    languages: list[str] | None = strawberry.field(default=None, description="Language codes.")
    date_from: dt.date | None = strawberry.field(
        default=None, description="Published possibly on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Published possibly on or before this day."
    )
    q: str | None = strawberry.field(
        default=None, description="Full-text search over titles and bodies (all words must match)."
    )


async def resolve_articles(
    info: Info,
    filter: ArticleFilter | None = None,
    order_by: ArticleOrder = q.ArticleOrder.PUBLISHED_DESC,
    first: int = 20,
    after: str | None = None,
) -> Connection[Article]:
    f = filter or ArticleFilter()
    stmt = q.articles_query(
        q.ArticleFilter(
            outlets=keys(f.outlets, "Outlet"),
            authors=keys(f.authors, "Person"),
            languages=tuple(f.languages or ()),
            date_from=f.date_from,
            date_to=f.date_to,
            q=search_text(f.q),
        ),
        info.context.session.get_bind().dialect.name,
    )
    order = q.ArticleOrder(order_by)
    return await connection(
        info, stmt, f"articles:{order}", q.ORDERINGS[order], first, after, Article.build
    )
