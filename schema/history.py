"""The FactReview type: one recorded review change, as every fact's `history` lists them."""

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from db import enums
from db import models as m
from schema.context import Info
from schema.node import parse_global_id

strawberry.enum(
    enums.ReviewAction,
    description="APPROVE, REJECT or EDIT (a reviewer's change); PROPOSE (an extractor stored it).",
)
ReviewAction = enums.ReviewAction

# GraphQL type name -> fact_reviews.fact_type.
FACT_TYPES = {
    "PolicyDecision": "policy_decision",
    "AidPackage": "aid_package",
    "PersonRole": "person_role",
    "Agreement": "agreement",
    "Event": "event",
    "Statement": "statement",
}


@strawberry.type(description="One recorded review change of a fact.")
class FactReview:
    id: strawberry.ID = strawberry.field(description="Identifier of this history entry.")
    action: ReviewAction = strawberry.field(description="What was done.")
    actor: str = strawberry.field(description="Who did it: the API key's id, or `cli` or `system`.")
    at: dt.datetime = strawberry.field(description="When (UTC).")
    before: JSON | None = strawberry.field(
        description="Editable fields and reviewStatus before the change (null for PROPOSE)."
    )
    after: JSON | None = strawberry.field(
        description="Editable fields and reviewStatus after the change."
    )
    reason: str | None = strawberry.field(description="Why, as the reviewer wrote it.")

    @classmethod
    def build(cls, row: m.FactReview) -> "FactReview":
        # SQLite hands back naive datetimes; everything is stored in UTC.
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
        return cls(
            id=strawberry.ID(row.key),
            action=row.action,
            actor=row.actor,
            at=at,
            before=row.before,  # type: ignore[arg-type]  # JSON is a scalar marker type
            after=row.after,  # type: ignore[arg-type]
            reason=row.reason,
        )


async def history_of(info: Info, global_id: str) -> list[FactReview]:
    """A fact's history, newest first, through the request's loader (one query per level)."""
    type_name, key = parse_global_id(global_id)
    rows: list[Any] = await info.context.loaders.history().load((FACT_TYPES[type_name], key))
    return [FactReview.build(row) for row in rows]
