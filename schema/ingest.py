"""The ingestArticle mutation: the intake pipeline over GraphQL (needs the `write` scope)."""

import strawberry
from graphql import GraphQLError

from ingest.intake import ArticleInput, IntakeError
from ingest.outcome import FactOutcome, IngestResult
from ingest.pipeline import ingest_and_commit
from schema.aid_package import AidPackage
from schema.article import Article
from schema.context import Info
from schema.node import global_id
from schema.person import PersonRole
from schema.policy_decision import PolicyDecision
from schema.statement import Statement

TYPE_NAMES = {
    "policy_decision": "PolicyDecision",
    "aid_package": "AidPackage",
    "person_role": "PersonRole",
    "statement": "Statement",
}


@strawberry.input(description="An article to add; only `body` is required.")
class IngestArticleInput:
    body: str = strawberry.field(description="The full text (UTF-8, at most the server's limit).")
    title: str | None = strawberry.field(default=None, description="Headline, if known.")
    url: str | None = strawberry.field(default=None, description="Where it was published.")
    outlet: str | None = strawberry.field(
        default=None, description="Publisher's name or slug; unknown names create an outlet."
    )
    published_at: str | None = strawberry.field(
        default=None, description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    language: str | None = strawberry.field(
        default=None, description="Language code such as `en` (default: detected, or en)."
    )


@strawberry.type(description="One fact the article gave: proposed now, or known and corroborated.")
class IngestedFact:
    id: strawberry.ID = strawberry.field(description="Global ID of the fact (use with `node`).")
    kind: str = strawberry.field(
        description="policy_decision, aid_package, person_role or statement."
    )
    new: bool = strawberry.field(
        description="True when this article proposed it; false when it was known and gained "
        "evidence."
    )
    review_status: str = strawberry.field(description="PROPOSED, APPROVED, REJECTED or CURATED.")
    confidence: float | None = strawberry.field(
        description="The extractor's confidence for this article's reading (0 to 1)."
    )


@strawberry.type(description="The article and the facts extracted from it.")
class IngestArticlePayload:
    article: Article = strawberry.field(description="The stored article.")
    created: bool = strawberry.field(
        description="False when the same text or URL was stored before (nothing was written)."
    )
    notes: list[str] = strawberry.field(description="What the extraction skipped, and why.")
    facts: list[IngestedFact] = strawberry.field(description="Every fact, with its provenance.")
    policy_decisions: list[PolicyDecision] = strawberry.field(description="Policy decisions.")
    aid_packages: list[AidPackage] = strawberry.field(description="Aid packages.")
    person_roles: list[PersonRole] = strawberry.field(description="People's roles.")
    statements: list[Statement] = strawberry.field(description="Attributed statements.")


def _fact(outcome: FactOutcome) -> IngestedFact:
    return IngestedFact(
        id=global_id(TYPE_NAMES[outcome.kind], outcome.row.key),
        kind=outcome.kind,
        new=outcome.new,
        review_status=outcome.row.review_status.value,
        confidence=outcome.confidence,
    )


def payload(result: IngestResult) -> IngestArticlePayload:
    rows = {kind: [f.row for f in result.of_kind(kind)] for kind in TYPE_NAMES}
    return IngestArticlePayload(
        article=Article.build(result.article),
        created=result.created,
        notes=result.notes,
        facts=[_fact(f) for f in result.facts],
        policy_decisions=[PolicyDecision.build(r) for r in rows["policy_decision"]],
        aid_packages=[AidPackage.build(r) for r in rows["aid_package"]],
        person_roles=[PersonRole.build(r) for r in rows["person_role"]],
        statements=[Statement.build(r) for r in rows["statement"]],
    )


@strawberry.type
class IngestMutation:
    @strawberry.mutation(
        description="Add an article and extract its facts (PROPOSED, with evidence). The same "
        "text or URL again returns the stored article and writes nothing. Needs `write`."
    )
    async def ingest_article(self, info: Info, input: IngestArticleInput) -> IngestArticlePayload:
        principal = info.context.principal
        if principal is None or "write" not in principal.scopes:
            raise GraphQLError(
                "adding articles needs an API key with the 'write' scope",
                extensions={"code": "FORBIDDEN"},
            )
        request = info.context.request
        settings = request.state.settings
        article = ArticleInput(
            body=input.body,
            title=input.title,
            url=input.url,
            outlet=input.outlet,
            published_at=input.published_at,
            language=input.language,
        )
        try:
            result = await ingest_and_commit(
                info.context.session,
                article,
                actor=principal.public_id or "anonymous",
                max_chars=settings.max_article_chars,
            )
        except IntakeError as error:
            raise GraphQLError(
                f"{error.field} {error.detail}",
                extensions={"code": "BAD_USER_INPUT", "field": error.field},
            ) from None
        # Nested fields load concurrently through the loaders: give them the session's
        # connection now (the commit released it) instead of letting them race to open one.
        await info.context.session.connection()
        return payload(result)
