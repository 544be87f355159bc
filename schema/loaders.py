"""Per-request DataLoaders: every nested field batches into one query per level."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from db import models as m
from db.queries import batch, reviews
from db.queries.evidence import Support, evidence_with_articles, support_by_fact
from db.queries.filters import ReviewSelection


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
        loader = self._loaders.get(("id", model))  # hot: skip building the closure
        if loader is not None:
            return loader

        async def load(ids: list[int]) -> list[Any]:
            return await batch.get_by_ids(self.session, model, ids)

        return self._get(("id", model), load)

    async def prefetch_by_id(self, model: type[Any], ids: Iterable[int | None]) -> list[Any]:
        """Load the rows of `ids` not loaded yet in one query and prime `by_id` with them, so
        the fields that will ask for them find them ready; returns the rows just loaded."""
        loader = self.by_id(model)
        missing = list(
            dict.fromkeys(i for i in ids if i is not None and loader.cache_map.get(i) is None)
        )
        if not missing:
            return []
        rows = await batch.get_by_ids(self.session, model, missing)
        loader.prime_many(dict(zip(missing, rows, strict=True)))
        return [row for row in rows if row is not None]

    async def prefetch_children(
        self,
        model: type[Any],
        column: str,
        parent_ids: Iterable[int],
        order_by: Sequence[Any] = (),
        review: ReviewSelection = (),
    ) -> list[Any]:
        """`children(...)` for every parent at once, primed; returns the rows just loaded."""
        loader = self.children(model, column, order_by, review)
        missing = list(dict.fromkeys(i for i in parent_ids if loader.cache_map.get(i) is None))
        if not missing:
            return []
        groups = await batch.list_by_parent(self.session, model, column, missing, order_by, review)
        loader.prime_many(dict(zip(missing, groups, strict=True)))
        return [row for group in groups for row in group]

    def children(
        self,
        model: type[Any],
        column: str,
        order_by: Sequence[Any] = (),
        review: ReviewSelection = (),
    ) -> DataLoader[int, list[Any]]:
        """Rows whose foreign key `column` points at the parent id; facts (and evidence) in
        the review selection, published ones by default (None: no review filter)."""
        loader = self._loaders.get(("children", model, column, review))
        if loader is not None:
            return loader

        async def load(ids: list[int]) -> list[list[Any]]:
            return await batch.list_by_parent(self.session, model, column, ids, order_by, review)

        return self._get(("children", model, column, review), load)

    def through(
        self,
        name: str,
        model: type[Any],
        link: Any,
        link_parent: Any,
        link_child: Any,
        order_by: Sequence[Any] = (),
        review: ReviewSelection = (),
    ) -> DataLoader[int, list[Any]]:
        """Rows reached through a link table (authors, parties, evidence); facts in the review
        selection, published ones by default."""

        async def load(ids: list[int]) -> list[list[Any]]:
            return await batch.list_through(
                self.session, model, link, link_parent, link_child, ids, order_by, review
            )

        return self._get(("through", name, review), load)

    async def prefetch_quotes(
        self, column: str, fact_ids: Iterable[int], order_by: Sequence[Any], with_outlets: bool
    ) -> None:
        """The `evidence` of facts (no review filter, as Fact.evidence asks) with its articles
        and their outlets, in one statement, primed into `children`, and `by_id`."""
        quotes = self.children(m.Evidence, column, order_by, None)
        missing = list(dict.fromkeys(i for i in fact_ids if quotes.cache_map.get(i) is None))
        if not missing:
            return
        found = await evidence_with_articles(self.session, column, missing, order_by, with_outlets)
        quotes.prime_many({i: found.by_fact.get(i, []) for i in missing})
        self.by_id(m.Article).prime_many(found.articles)
        if with_outlets:
            self.by_id(m.Outlet).prime_many(found.outlets)

    def history(self) -> DataLoader[tuple[str, str], list[Any]]:
        """Review history per (fact type, key), newest first."""

        async def load(facts: list[tuple[str, str]]) -> list[list[Any]]:
            return list(await reviews.history(self.session, facts))

        return self._get(("history",), load)

    def support(self, column: str) -> DataLoader[int, Support]:
        """Supporting articles/outlets and disputing quotes per fact of one kind."""

        async def load(ids: list[int]) -> list[Support]:
            return await support_by_fact(self.session, column, ids)

        return self._get(("support", column), load)
