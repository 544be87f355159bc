"""Keyset pagination with opaque cursors, shared by GraphQL and REST lists."""

import base64
import binascii
import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Date, Integer, Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

T = TypeVar("T")

# An ordering: (expression, descending) pairs; the last one must be unique (the id).
SortExpression = ColumnElement[Any] | QueryableAttribute[Any]
Ordering = Sequence[tuple[SortExpression, bool]]


class InvalidCursor(ValueError):
    """A cursor that this API did not issue for this list and ordering."""


@dataclasses.dataclass(frozen=True)
class PageRequest:
    """Forward pagination: at most `first` rows after the row `after` points at."""

    first: int
    after: str | None = None


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    """One page of rows, each with the cursor that resumes after it."""

    rows: list[T]
    cursors: list[str]
    has_next: bool
    has_previous: bool
    # The whole filtered list's size, when it was asked for with the page (None otherwise).
    total: int | None = None

    @property
    def end_cursor(self) -> str | None:
        return self.cursors[-1] if self.cursors else None

    @property
    def start_cursor(self) -> str | None:
        return self.cursors[0] if self.cursors else None


def _encode(name: str, values: Sequence[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    raw = json.dumps([name, plain], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(name: str, cursor: str, ordering: Ordering) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_name, values = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise InvalidCursor("the cursor is not one this API issued") from None
    if cursor_name != name or not isinstance(values, list) or len(values) != len(ordering):
        raise InvalidCursor("the cursor belongs to another list or ordering")
    decoded: list[Any] = []
    for value, (expression, _) in zip(values, ordering, strict=True):
        try:
            if isinstance(expression.type, Date):
                decoded.append(dt.date.fromisoformat(value))
            elif isinstance(expression.type, Integer):
                # Bounded to BIGINT so no database is ever asked to compare a larger number.
                if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= 2**63:
                    raise TypeError
                decoded.append(value)
            else:
                if not isinstance(value, str):
                    raise TypeError
                decoded.append(value)
        except (TypeError, ValueError):
            raise InvalidCursor("the cursor is not one this API issued") from None
    return decoded


def _after(ordering: Ordering, values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the ordering (lexicographic, mixed directions)."""
    clauses = []
    for i, (expression, descending) in enumerate(ordering):
        equal = [ordering[j][0] == values[j] for j in range(i)]
        step = expression < values[i] if descending else expression > values[i]
        clauses.append(and_(*equal, step))
    return or_(*clauses)


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    name: str,
    ordering: Ordering,
    page: PageRequest,
    with_total: bool = False,
) -> Page[Any]:
    """Run `stmt` (selecting one entity) in `ordering`, one page at a time; `with_total` also
    counts the whole filtered list in the same statement (one round trip instead of two)."""
    expressions = [expression for expression, _ in ordering]
    columns: list[Any] = list(expressions)
    if with_total:
        # An uncorrelated scalar subquery: PostgreSQL (InitPlan) and SQLite evaluate it once.
        columns.append(count_query(stmt).scalar_subquery())
    query = stmt.add_columns(*columns).order_by(
        *[e.desc() if descending else e.asc() for e, descending in ordering]
    )
    if page.after is not None:
        query = query.where(_after(ordering, _decode(name, page.after, ordering)))
    result = (await session.execute(query.limit(page.first + 1))).all()
    rows = result[: page.first]
    width = len(expressions)
    total = None
    if with_total and result:
        total = int(result[0][width + 1])
    elif with_total and page.after is None and page.first > 0:
        total = 0  # nothing matched at all
    return Page(
        rows=[row[0] for row in rows],
        cursors=[_encode(name, row[1 : width + 1]) for row in rows],
        has_next=len(result) > page.first,
        has_previous=page.after is not None,
        total=total,
    )


def check_cursor(name: str, cursor: str, ordering: Ordering) -> None:
    """Raise InvalidCursor early, before any query runs."""
    _decode(name, cursor, ordering)


def count_query(stmt: Select[Any]) -> Select[Any]:
    """SELECT count(*) over the rows `stmt` selects."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())


async def count(session: AsyncSession, stmt: Select[Any]) -> int:
    """How many rows `stmt` selects."""
    total = await session.scalar(count_query(stmt))
    return int(total or 0)
