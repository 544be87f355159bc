"""Per-request DataLoaders: every nested field batches into one query per level."""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from db.queries import batch, reviews
from db.queries.evidence import Support, support_by_fact
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

        async def load(ids: list[int]) -> list[Any]:
            return await batch.get_by_ids(self.session, model, ids)

        return self._get(("id", model), load)

    def children(
        self,
        model: type[Any],
        column: str,
        order_by: Sequence[Any] = (),
        review: ReviewSelection = (),
    ) -> DataLoader[int, list[Any]]:
        """Rows whose foreign key `column` points at the parent id; facts (and evidence) in
        the review selection, published ones by default (None: no review filter)."""

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
