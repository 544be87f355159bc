"""Batch lookups for one page of REST items: one query per relation, never one per item."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.refs import evidence_json, support_json
from db import models as m
from db.queries import batch
from db.queries.evidence import Support, support_by_fact
from db.queries.filters import ReviewSelection


class Related:
    """Per-page cache of related rows, keyed by model and id."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._rows: dict[type[Any], dict[int, Any]] = {}

    async def by_id(self, model: type[Any], ids: Iterable[int | None]) -> dict[int, Any]:
        """Rows of `model` by id (fetching only the ones not seen yet)."""
        cache = self._rows.setdefault(model, {})
        missing = sorted({i for i in ids if i is not None and i not in cache})
        if missing:
            for row in await batch.get_by_ids(self.session, model, missing):
                if row is not None:
                    cache[row.id] = row
        return cache

    async def children(
        self,
        model: type[Any],
        column: str,
        parent_ids: Sequence[int],
        order_by: Sequence[Any] = (),
        review: ReviewSelection = (),
    ) -> dict[int, list[Any]]:
        """Rows whose `column` points at each parent id (facts: published ones by default)."""
        groups = await batch.list_by_parent(
            self.session, model, column, parent_ids, order_by, review
        )
        return dict(zip(parent_ids, groups, strict=True))

    async def through(
        self,
        model: type[Any],
        link: Any,
        link_parent: Any,
        link_child: Any,
        parent_ids: Sequence[int],
        order_by: Sequence[Any] = (),
    ) -> dict[int, list[Any]]:
        """Rows reached through a link table, per parent id."""
        groups = await batch.list_through(
            self.session, model, link, link_parent, link_child, parent_ids, order_by
        )
        return dict(zip(parent_ids, groups, strict=True))

    async def support(self, column: str, ids: Sequence[int]) -> dict[int, Support]:
        """Corroboration per fact id."""
        return dict(zip(ids, await support_by_fact(self.session, column, ids), strict=True))

    async def sourcing(self, column: str, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Per fact id: its `corroboration` and its `evidence` quotes (in article order)."""
        order = (m.Evidence.article_id, m.Evidence.start)
        # All of each fact's quotes: the facts themselves were chosen by review status already.
        evidence = await self.children(m.Evidence, column, ids, order, None)
        articles = await self.by_id(
            m.Article, (e.article_id for es in evidence.values() for e in es)
        )
        support = await self.support(column, ids)
        return {
            i: {
                "corroboration": support_json(support[i]),
                "evidence": [evidence_json(e, articles[e.article_id]) for e in evidence[i]],
            }
            for i in ids
        }
