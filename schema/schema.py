"""The executable Strawberry schema (with its abuse limits) and its SDL snapshot."""

import pathlib
from collections.abc import Sequence

import strawberry
from strawberry.extensions import MaskErrors

from schema.api_key import Mutation as KeyMutation
from schema.errors import should_mask_error
from schema.ingest import IngestMutation
from schema.limits import ExtensionFactory, GraphQLLimits
from schema.query import Query
from schema.review import ReviewMutation

SDL_PATH = pathlib.Path(__file__).with_name("schema.graphql")
DEFAULT_LIMITS = GraphQLLimits()


@strawberry.type(description="Changes; each needs the scope it names.")
class Mutation(KeyMutation, IngestMutation, ReviewMutation):
    """Every mutation module's fields, in one root type."""


def build_schema(
    limits: GraphQLLimits = DEFAULT_LIMITS, *, extensions: Sequence[ExtensionFactory] = ()
) -> strawberry.Schema:
    """The schema enforcing `limits` before execution; `extensions` run after the limits."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            *limits.extensions(),
            *extensions,
            lambda: MaskErrors(should_mask_error=should_mask_error),
        ],
    )


schema = build_schema()


def sdl() -> str:
    """The schema as SDL, as committed in schema/schema.graphql."""
    return schema.as_str() + "\n"
