"""Per-request DataLoaders: every nested field batches into one query per level."""

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from db import models as m
from db.enums import Stance
from db.queries import batch


@dataclasses.dataclass(frozen=True)
class Support:
    """How a fact stands in the coverage."""

    articles: int = 0
    sources: int = 0
    outlets: int = 0
    disputing: int = 0


class Loaders:
    """Built once per request (never cached per process): loaders hold the request's session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._loaders: dict[Any, DataLoader[Any, Any]] = {}

    def _get(self, key: Any, load: Callable[[list[Any]], Any]) -> DataLoader[Any, Any]:
        if key not in self._loaders:
            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]

    def by_id(self, model: type[Any]) -> DataLoader[int, Any]:
        """Rows by primary key."""

        async def load(ids: list[int]) -> list[Any]:
            return await batch.get_by_ids(self.session, model, ids)

        return self._get(("id", model), load)

    def children(
        self, model: type[Any], column: str, order_by: Sequence[Any] = ()
    ) -> DataLoader[int, list[Any]]:
        """Rows whose foreign key `column` points at the parent id."""

        async def load(ids: list[int]) -> list[list[Any]]:
            return await batch.list_by_parent(self.session, model, column, ids, order_by)

        return self._get(("children", model, column), load)

    def through(
        self,
        name: str,
        model: type[Any],
        link: Any,
        link_parent: Any,
        link_child: Any,
        order_by: Sequence[Any] = (),
    ) -> DataLoader[int, list[Any]]:
        """Rows reached through a link table (authors, parties, evidence)."""

        async def load(ids: list[int]) -> list[list[Any]]:
            return await batch.list_through(
                self.session, model, link, link_parent, link_child, ids, order_by
            )

        return self._get(("through", name), load)

    def support(self, column: str) -> DataLoader[int, Support]:
        """Supporting articles/outlets and disputing quotes per fact of one kind."""

        async def load(ids: list[int]) -> list[Support]:
            fact = getattr(m.Evidence, column)
            stmt = (
                select(fact, m.Evidence.article_id, m.Article.outlet_id, m.Evidence.stance)
                .join(m.Article, m.Article.id == m.Evidence.article_id)
                .where(fact.in_(ids))
            )
            articles: dict[int, set[int]] = defaultdict(set)
            sources: dict[int, set[str]] = defaultdict(set)
            outlets: dict[int, set[int]] = defaultdict(set)
            disputing: dict[int, int] = defaultdict(int)
            for fact_id, article_id, outlet_id, stance in (await self.session.execute(stmt)).all():
                if stance == Stance.DISPUTES:
                    disputing[fact_id] += 1
                    continue
                articles[fact_id].add(article_id)
                # An article whose outlet is unknown counts as a source of its own.
                sources[fact_id].add(f"o{outlet_id}" if outlet_id else f"a{article_id}")
                if outlet_id:
                    outlets[fact_id].add(outlet_id)
            return [
                Support(len(articles[i]), len(sources[i]), len(outlets[i]), disputing[i])
                for i in ids
            ]

        return self._get(("support", column), load)
