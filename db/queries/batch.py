"""Batched lookups behind the per-request DataLoaders: one query per batch of keys."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import Base

Row = TypeVar("Row", bound=Base)


async def get_by_ids(
    session: AsyncSession, model: type[Row], ids: Sequence[int]
) -> list[Row | None]:
    """Rows by primary key, in the order asked, None where missing."""
    rows = (await session.scalars(select(model).where(model.id.in_(ids)))).all()  # type: ignore[attr-defined]
    found = {row.id: row for row in rows}  # type: ignore[attr-defined]
    return [found.get(i) for i in ids]


async def list_by_parent(
    session: AsyncSession,
    model: type[Row],
    column: str,
    parent_ids: Sequence[int],
    order_by: Sequence[Any] = (),
) -> list[list[Row]]:
    """Rows grouped by a foreign key, one list per parent id asked."""
    fk = getattr(model, column)
    stmt = select(model).where(fk.in_(parent_ids)).order_by(*order_by, model.id)  # type: ignore[attr-defined]
    groups: dict[int, list[Row]] = defaultdict(list)
    for row in (await session.scalars(stmt)).all():
        groups[getattr(row, column)].append(row)
    return [groups.get(i, []) for i in parent_ids]


async def list_through(
    session: AsyncSession,
    model: type[Row],
    link: Any,
    link_parent: Any,
    link_child: Any,
    parent_ids: Sequence[int],
    order_by: Sequence[Any] = (),
) -> list[list[Row]]:
    """Rows reached through a link table (or evidence), distinct per parent, in order."""
    stmt = (
        select(link_parent, model)
        .join(link, link_child == model.id)  # type: ignore[attr-defined]
        .where(link_parent.in_(parent_ids))
        .order_by(*order_by, model.id)  # type: ignore[attr-defined]
    )
    groups: dict[int, list[Row]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for parent_id, row in (await session.execute(stmt)).all():
        if (parent_id, row.id) not in seen:
            seen.add((parent_id, row.id))
            groups[parent_id].append(row)
    return [groups.get(i, []) for i in parent_ids]
