"""The executable Strawberry schema and its SDL snapshot."""

import pathlib

import strawberry
from strawberry.extensions import MaskErrors

from schema.errors import should_mask_error
from schema.query import Query

SDL_PATH = pathlib.Path(__file__).with_name("schema.graphql")

schema = strawberry.Schema(
    query=Query,
    extensions=[lambda: MaskErrors(should_mask_error=should_mask_error)],
)


def sdl() -> str:
    """The schema as SDL, as committed in schema/schema.graphql."""
    return schema.as_str() + "\n"
