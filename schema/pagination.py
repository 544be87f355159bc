"""Relay-style connections (edges, pageInfo, totalCount) over keyset pages."""

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select
from strawberry.types.nodes import SelectedField

from db.queries.pagination import InvalidCursor, Ordering, Page, PageRequest, count, paginate
from schema.context import Info
from schema.errors import PublicError

NodeT = TypeVar("NodeT")


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Items precede `startCursor`.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item: pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a list, with its cursor.")
class Edge(Generic[NodeT]):
    node: NodeT = strawberry.field(description="The item.")
    cursor: str = strawberry.field(description="Opaque cursor that resumes after this item.")


@strawberry.type(description="A page of a list (Relay connection).")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more items exist.")
    count_rows: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole filtered list holds.")
    async def total_count(self) -> int:
        return await self.count_rows()


def _selects(info: Info, name: str) -> bool:
    """Whether the field being resolved selects `name` directly or through fragments."""
    pending: list[Any] = list(info.selected_fields)
    while pending:
        for child in pending.pop().selections:
            if isinstance(child, SelectedField):
                if child.name == name:
                    return True
            else:
                pending.append(child)  # a fragment spread or an inline fragment
    return False


def page_request(info: Info, first: int, after: str | None) -> PageRequest:
    """Validate `first` against the page-size cap."""
    cap = info.context.max_page_size
    if not 0 <= first <= cap:
        raise PublicError(f"`first` must be between 0 and {cap}, got {first}")
    return PageRequest(first=first, after=after)


async def connection(
    info: Info,
    stmt: Select[Any],
    name: str,
    ordering: Ordering,
    first: int,
    after: str | None,
    build: Callable[[Any], NodeT],
) -> Connection[NodeT]:
    """Run one page of `stmt` and wrap it; totalCount is only queried when asked for."""
    session = info.context.session
    try:
        page: Page[Any] = await paginate(
            session,
            stmt,
            name,
            ordering,
            page_request(info, first, after),
            with_total=_selects(info, "totalCount"),
        )
    except InvalidCursor as error:
        raise PublicError(f"invalid `after` cursor: {error}") from None

    async def count_rows() -> int:
        if page.total is not None:
            return page.total
        # Not asked with the page (or the page was empty past a cursor): count on its own.
        return await count(session, stmt)

    return Connection(
        edges=[
            Edge(node=build(row), cursor=c) for row, c in zip(page.rows, page.cursors, strict=True)
        ],
        page_info=PageInfo(
            has_next_page=page.has_next,
            has_previous_page=page.has_previous,
            start_cursor=page.start_cursor,
            end_cursor=page.end_cursor,
        ),
        count_rows=count_rows,
    )
