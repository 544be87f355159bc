"""The Evidence type: an exact quote, by offsets, from one article, about one fact."""

from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry

from db import models as m
from db.queries import evidence as q
from schema.context import Info
from schema.enums import Stance
from schema.fact import Fact
from schema.node import Node, global_id
from schema.pagination import Connection, connection
from schema.relations import keys, one, one_now

if TYPE_CHECKING:
    from schema.article import Article

strawberry.enum(q.EvidenceOrder, description="Orderings of the evidence list.")
EvidenceOrder = q.EvidenceOrder


@strawberry.type(
    description="A quote from an article that supports or disputes a fact; "
    "`article.body[start:end] == quote` always holds (offsets count Unicode code points)."
)
class Evidence(Node):
    pk: strawberry.Private[int]
    article_pk: strawberry.Private[int]
    row: strawberry.Private[Any]
    quote: str = strawberry.field(description="The exact text quoted from the article body.")
    start: int = strawberry.field(description="Offset of the quote's first character in the body.")
    end: int = strawberry.field(description="Offset just past the quote's last character.")
    stance: Stance = strawberry.field(description="SUPPORTS or DISPUTES the fact.")

    @classmethod
    def build(cls, row: m.Evidence) -> "Evidence":
        return cls(
            id=global_id("Evidence", row.key),
            pk=row.id,
            article_pk=row.article_id,
            row=row,
            quote=row.quote,
            start=row.start,
            end=row.end,
            stance=row.stance,
        )

    @strawberry.field(description="The article quoted.")
    def article(self, info: Info) -> Annotated["Article", strawberry.lazy("schema.article")]:
        from schema.article import Article

        # The foreign key guarantees the article exists.
        return cast("Article", one_now(info, m.Article, self.article_pk, Article.build))

    @strawberry.field(description="The fact this quote is about.")
    async def fact(self, info: Info) -> Fact:
        from schema.facts import FACT_TYPES

        for column, (model, build) in FACT_TYPES.items():
            pk = getattr(self.row, column)
            if pk is not None:
                built = await one(info, model, pk, build)
                assert built is not None
                return built
        raise AssertionError("evidence without a fact violates ck_evidence_one_fact")


@strawberry.input(description="Narrow the evidence list; empty fields do not filter.")
class EvidenceFilter:
    articles: list[str] | None = strawberry.field(default=None, description="Article IDs.")
    outlets: list[str] | None = strawberry.field(default=None, description="Outlet IDs or slugs.")
    stances: list[Stance] | None = strawberry.field(default=None, description="Stances.")


async def resolve_evidence(
    info: Info,
    filter: EvidenceFilter | None = None,
    order_by: EvidenceOrder = q.EvidenceOrder.ARTICLE_POSITION,
    first: int = 20,
    after: str | None = None,
) -> Connection[Evidence]:
    f = filter or EvidenceFilter()
    stmt = q.evidence_query(
        q.EvidenceFilter(
            articles=keys(f.articles, "Article"),
            outlets=keys(f.outlets, "Outlet"),
            stances=tuple(f.stances or ()),
        )
    )
    order = q.EvidenceOrder(order_by)
    return await connection(
        info, stmt, f"evidence:{order}", q.ORDERINGS[order], first, after, Evidence.build
    )
