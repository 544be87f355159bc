"""Batched lookups behind the per-request DataLoaders: one query per batch of keys."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.base import Base
from db.queries import filters
from db.queries.evidence import of_facts_in_review

Row = TypeVar("Row", bound=Base)


async def get_by_ids(
    session: AsyncSession, model: type[Row], ids: Sequence[int]
) -> list[Row | None]:
    """Rows by primary key, in the order asked, None where missing (whatever their review)."""
    rows = (await session.scalars(select(model).where(model.id.in_(ids)))).all()  # type: ignore[attr-defined]
    found = {row.id: row for row in rows}  # type: ignore[attr-defined]
    return [found.get(i) for i in ids]


def reviewed(stmt: Select[Any], model: type[Any], review: filters.ReviewSelection) -> Select[Any]:
    """Keep the facts (or the evidence of facts) in the review selection, in the same query."""
    if review is None:
        return stmt
    if model is m.Evidence:
        return stmt.where(of_facts_in_review(review))
    column = getattr(model, "review_status", None)
    return stmt if column is None else stmt.where(filters.in_review(column, review))


async def list_by_parent(
    session: AsyncSession,
    model: type[Row],
    column: str,
    parent_ids: Sequence[int],
    order_by: Sequence[Any] = (),
    review: filters.ReviewSelection = (),
) -> list[list[Row]]:
    """Rows grouped by a foreign key, one list per parent id asked; facts (and evidence) only
    in the review selection (published ones by default)."""
    fk = getattr(model, column)
    stmt = select(model).where(fk.in_(parent_ids)).order_by(*order_by, model.id)  # type: ignore[attr-defined]
    groups: dict[int, list[Row]] = defaultdict(list)
    for row in (await session.scalars(reviewed(stmt, model, review))).all():
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
    review: filters.ReviewSelection = (),
) -> list[list[Row]]:
    """Rows reached through a link table (or evidence), distinct per parent, in order; facts
    only in the review selection (published ones by default)."""
    stmt = (
        select(link_parent, model)
        .join(link, link_child == model.id)  # type: ignore[attr-defined]
        .where(link_parent.in_(parent_ids))
        .order_by(*order_by, model.id)  # type: ignore[attr-defined]
    )
    groups: dict[int, list[Row]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for parent_id, row in (await session.execute(reviewed(stmt, model, review))).all():
        if (parent_id, row.id) not in seen:
            seen.add((parent_id, row.id))
            groups[parent_id].append(row)
    return [groups.get(i, []) for i in parent_ids]
