"""Helpers resolvers use to follow a relation through the request's loaders."""

from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import strawberry

from db.enums import ReviewStatus
from db.queries.search import MAX_QUERY_LENGTH, is_valid_query
from schema.context import Info
from schema.errors import PublicError
from schema.node import parse_global_id

T = TypeVar("T")

# The argument every nested list of facts takes.
ReviewStatuses = Annotated[
    list[ReviewStatus] | None,
    strawberry.argument(
        description="Review statuses to show; without it, APPROVED and CURATED facts only."
    ),
]


async def one(info: Info, model: type[Any], pk: int | None, build: Callable[[Any], T]) -> T | None:
    """The row `pk` points at, built into its GraphQL type (None when unset)."""
    if pk is None:
        return None
    row = await info.context.loaders.by_id(model).load(pk)
    return build(row) if row is not None else None


async def many(
    info: Info,
    model: type[Any],
    column: str,
    parent: int,
    build: Callable[[Any], T],
    order_by: Sequence[Any] = (),
    review: list[ReviewStatus] | None = None,
) -> list[T]:
    """Rows whose `column` points at `parent`, built into their GraphQL type; facts only in the
    asked review statuses (the published ones when none is asked)."""
    loader = info.context.loaders.children(model, column, order_by, tuple(review or ()))
    return [build(row) for row in await loader.load(parent)]


def key_or_id(value: str, expected: str) -> str:
    """Accept a global ID of the expected type or a plain key/slug."""
    try:
        type_name, key = parse_global_id(value)
    except PublicError:
        return value
    return key if type_name == expected else value


def keys(values: list[str] | None, expected: str) -> tuple[str, ...]:
    """Keys from a list of IDs or slugs."""
    return tuple(key_or_id(v, expected) for v in values or [])


def search_text(value: str | None) -> str | None:
    """Validate a full-text query the same way REST does (api.params.search_text)."""
    if value is None:
        return None
    if not is_valid_query(value):
        raise PublicError(f"`q` must be 1 to {MAX_QUERY_LENGTH} characters of search words")
    return value
