"""Get-or-update rows by natural key, counting what changed: loading twice changes nothing."""

import dataclasses
from collections import Counter
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import Base

Row = TypeVar("Row", bound=Base)


@dataclasses.dataclass
class LoadReport:
    """How many rows each table gained or changed."""

    created: Counter[str] = dataclasses.field(default_factory=Counter)
    updated: Counter[str] = dataclasses.field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def summary(self) -> str:
        tables = sorted(set(self.created) | set(self.updated))
        if not tables:
            return "nothing to do: the database already holds the dataset"
        return ", ".join(
            f"{t}: +{self.created[t]}" + (f" ~{self.updated[t]}" if self.updated[t] else "")
            for t in tables
        )


class Upserter:
    """Get-or-update rows by natural key so that loading twice changes nothing."""

    def __init__(self, session: AsyncSession, report: LoadReport) -> None:
        self.session = session
        self.report = report
        self._index: dict[tuple[type, str], dict[Any, Any]] = {}

    async def index(self, model: type[Row], attr: str = "key") -> dict[Any, Row]:
        cache_key = (model, attr)
        if cache_key not in self._index:
            rows = (await self.session.scalars(select(model))).all()
            self._index[cache_key] = {getattr(row, attr): row for row in rows}
        return self._index[cache_key]

    async def put(self, model: type[Row], natural: Mapping[str, Any], **fields: Any) -> Row:
        """Insert the row or bring its fields up to date; count what changed."""
        attrs = tuple(natural)
        index = await self._composite_index(model, attrs)
        ident = tuple(natural[a] for a in attrs)
        row = index.get(ident)
        table = model.__tablename__
        if row is None:
            row = model(**natural, **fields)
            self.session.add(row)
            index[ident] = row
            self.report.created[table] += 1
            return row
        changed = [name for name, value in fields.items() if getattr(row, name) != value]
        for name in changed:
            setattr(row, name, fields[name])
        if changed:
            self.report.updated[table] += 1
        return row

    async def _composite_index(self, model: type[Row], attrs: tuple[str, ...]) -> dict[Any, Row]:
        cache_key = (model, "|".join(attrs))
        if cache_key not in self._index:
            rows = (await self.session.scalars(select(model))).all()
            self._index[cache_key] = {tuple(getattr(r, a) for a in attrs): r for r in rows}
        return self._index[cache_key]

    async def flush(self) -> None:
        await self.session.flush()
