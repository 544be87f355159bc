"""The Fact interface: anything backed by evidence quotes, with its corroboration."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from db import models as m
from schema.context import Info
from schema.enums import ReviewStatus, Stance
from schema.node import Node

if TYPE_CHECKING:
    from schema.evidence import Evidence
    from schema.history import FactReview


@strawberry.type(description="How a fact stands in the coverage.")
class Corroboration:
    supporting_articles: int = strawberry.field(description="Distinct articles supporting it.")
    supporting_sources: int = strawberry.field(
        description="Distinct sources supporting it: outlets, or articles whose outlet is unknown."
    )
    supporting_outlets: int = strawberry.field(description="Distinct known outlets supporting it.")
    disputing_quotes: int = strawberry.field(description="Quotes disputing it.")

    @strawberry.field(description="True when at least two distinct sources support it.")
    def corroborated(self) -> bool:
        return self.supporting_sources >= 2


@strawberry.interface(
    description="A fact: every one carries the quotes that support or dispute it."
)
class Fact(Node):
    pk: strawberry.Private[int]
    evidence_column: strawberry.Private[str]
    review_status: ReviewStatus = strawberry.field(
        description="PROPOSED, APPROVED, REJECTED or CURATED (see ReviewStatus)."
    )

    @strawberry.field(
        description="Quotes supporting or disputing this fact, by article and offset."
    )
    async def evidence(
        self, info: Info, stance: Stance | None = None
    ) -> list[Annotated["Evidence", strawberry.lazy("schema.evidence")]]:
        from schema.evidence import Evidence

        order = (m.Evidence.article_id, m.Evidence.start)
        # Every quote of this fact, whatever its review status: the fact is already chosen.
        loader = info.context.loaders.children(m.Evidence, self.evidence_column, order, None)
        rows = await loader.load(self.pk)
        return [Evidence.build(r) for r in rows if stance is None or r.stance == stance]

    @strawberry.field(
        description="Review changes of this fact (who, when, before/after, why), newest first."
    )
    async def history(
        self, info: Info
    ) -> list[Annotated["FactReview", strawberry.lazy("schema.history")]]:
        from schema.history import history_of

        return await history_of(info, self.id)

    @strawberry.field(description="How many articles and outlets support it; disputing quotes.")
    async def corroboration(self, info: Info) -> Corroboration:
        s = await info.context.loaders.support(self.evidence_column).load(self.pk)
        return Corroboration(
            supporting_articles=s.articles,
            supporting_sources=s.sources,
            supporting_outlets=s.outlets,
            disputing_quotes=s.disputing,
        )
