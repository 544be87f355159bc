"""The Topic type: what a policy decision is about."""

import strawberry

from db import models as m
from schema.node import Node, global_id


@strawberry.type(description="A subject of policy decisions.")
class Topic(Node):
    pk: strawberry.Private[int]
    key: str = strawberry.field(
        description="Stable slug used in filters, e.g. `weapons-use-on-russian-territory`."
    )
    name: str = strawberry.field(description="Human-readable name.")
    description: str | None = strawberry.field(description="What the topic covers.")

    @classmethod
    def build(cls, row: m.Topic) -> "Topic":
        return cls(
            id=global_id("Topic", row.key),
            pk=row.id,
            key=row.key,
            name=row.name,
            description=row.description,
        )
