"""Loading a dump: its lines checked and inserted in batches, in the caller's transaction."""

import codecs
import json
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from db.dump.codec import TableCodec, table_codecs
from db.dump.format import BATCH_SIZE, FORMAT, VERSION, DumpError, database_revision, schema_head


async def _numbered_lines(
    chunks: AsyncIterable[bytes] | Iterable[bytes],
) -> AsyncIterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based numbers, whatever the chunking of the input."""
    number, parts = 0, []

    async def chunks_of() -> AsyncIterator[bytes]:
        if isinstance(chunks, AsyncIterable):
            async for chunk in chunks:
                yield chunk
        else:
            for chunk in chunks:
                yield chunk

    async for chunk in chunks_of():
        if b"\n" not in chunk:
            parts.append(chunk)  # a long line arriving in pieces: join once, at its end
            continue
        first, *rest = chunk.split(b"\n")
        for line in [b"".join([*parts, first]), *rest[:-1]]:
            number += 1
            if line.strip():
                yield number, line
        parts = [rest[-1]]
    last = b"".join(parts)
    if last.strip():
        yield number + 1, last


class _Loader:
    """Checks and inserts the lines of one dump, a batch at a time, in the caller's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.order: dict[str, int] = {}
        self.counts: Counter[str] = Counter()
        self.current: TableCodec | None = None
        self.batch: list[dict[str, Any]] = []
        # Self-references to rows not inserted yet (e.g. a place's parent): set after the table.
        self.deferred: dict[str, list[dict[str, Any]]] = {}

    async def header(self, number: int, value: Any) -> None:
        if not isinstance(value, dict) or value.get("format") != FORMAT:
            raise DumpError(f"line {number} is not a {FORMAT} header; is this a frontline dump?")
        if value.get("version") != VERSION or isinstance(value.get("version"), bool):
            raise DumpError(f"dump format version {value.get('version')!r} is not {VERSION}")
        if value.get("schema") != schema_head():
            raise DumpError(
                f"the dump is at schema revision {value.get('schema')!r} but this frontline "
                f"expects {schema_head()!r}; import it with the matching version"
            )
        tables = value.get("tables")
        if not isinstance(tables, list) or not all(isinstance(name, str) for name in tables):
            raise DumpError("the header's tables must be a list of table names")
        by_name, known = table_codecs(), list(table_codecs())
        unknown = [name for name in tables if name not in by_name]
        if unknown:
            raise DumpError(f"unknown table(s) in the header: {', '.join(unknown)}")
        if [known.index(name) for name in tables] != sorted({known.index(n) for n in tables}):
            raise DumpError("the header's tables repeat or are not in dependency order")
        await database_revision(self.session)
        filled = [name for name in tables if await self._has_rows(by_name[name].table)]
        if filled:
            more = f" and {len(filled) - 3} more tables" if len(filled) > 3 else ""
            raise DumpError(
                f"the database already has rows in {', '.join(filled[:3])}{more}; "
                "import needs an empty, migrated database"
            )
        self.order = {name: position for position, name in enumerate(tables)}
        self.counts.update(dict.fromkeys(tables, 0))

    async def _has_rows(self, table: sa.Table) -> bool:
        return (await self.session.scalar(sa.select(1).select_from(table).limit(1))) is not None

    async def row(self, number: int, value: Any) -> None:
        if not isinstance(value, dict) or set(value) != {"table", "row"}:
            raise DumpError(f'line {number}: expected {{"table": ..., "row": {{...}}}}')
        name, row = value["table"], value["row"]
        if name not in self.order:
            known = "unknown table" if name not in table_codecs() else "table not in the header"
            raise DumpError(f"line {number}: {known} {name!r}")
        if not isinstance(row, dict):
            raise DumpError(f"line {number}: the row must be an object")
        codec = table_codecs()[name]
        if self.current is not codec:
            if self.current is not None and self.order[name] < self.order[self.current.table.name]:
                raise DumpError(f"line {number}: rows of {name} come after a later table's rows")
            await self.finish_table()
            self.current = codec
        unknown = sorted(set(row) - set(codec.names))
        if unknown:
            raise DumpError(f"line {number}: unknown column(s) of {name}: {', '.join(unknown)}")
        missing = [column for column in codec.names if column not in row]
        if missing:
            raise DumpError(f"line {number}: row of {name} lacks column(s) {', '.join(missing)}")
        decoded: dict[str, Any] = {}
        for column, raw in row.items():
            try:
                decoded[column] = None if raw is None else codec.decoders[column](raw)
            except (TypeError, ValueError) as error:
                raise DumpError(f"line {number}: {name}.{column} = {raw!r}: {error}") from None
        self._defer_forward_references(codec.table, decoded)
        self.batch.append(decoded)
        self.counts[name] += 1
        if len(self.batch) >= BATCH_SIZE:
            await self.flush()

    def _defer_forward_references(self, table: sa.Table, row: dict[str, Any]) -> None:
        pk = list(table.primary_key.columns)
        if len(pk) != 1:
            return
        key = row[pk[0].name]
        for fk in table.foreign_keys:
            column = fk.parent
            target = row[column.name]
            forward = key is not None and target is not None and target >= key
            if fk.column is pk[0] and column.nullable and forward:
                self.deferred.setdefault(column.name, []).append({"pk": key, "ref": target})
                row[column.name] = None

    async def flush(self) -> None:
        if not self.batch or self.current is None:
            return
        table = self.current.table
        try:
            await self.session.execute(sa.insert(table), self.batch)
        except DBAPIError as error:
            raise DumpError(f"the database refused rows of {table.name}: {error.orig}") from None
        self.batch = []

    async def finish_table(self) -> None:
        await self.flush()
        if not self.deferred or self.current is None:
            return
        table = self.current.table
        pk = next(iter(table.primary_key.columns))
        for column, params in self.deferred.items():
            statement = (
                sa.update(table)
                .where(pk == sa.bindparam("pk"))
                .values({column: sa.bindparam("ref")})
                .execution_options(synchronize_session=False)
            )
            try:
                await self.session.execute(statement, params)
            except DBAPIError as error:
                raise DumpError(
                    f"the database refused {table.name}.{column}: {error.orig}"
                ) from None
        self.deferred = {}

    async def reset_sequences(self) -> None:
        bind = self.session.bind
        if bind is None or bind.dialect.name != "postgresql":
            return
        quote = bind.dialect.identifier_preparer.quote
        for name in self.order:
            table = table_codecs()[name].table
            pk = list(table.primary_key.columns)
            if [c.name for c in pk] != ["id"] or not isinstance(pk[0].type, sa.Integer):
                continue
            await self.session.execute(
                sa.text(
                    "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                    f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {quote(name)}"
                ),
                {"table": quote(name)},
            )


async def load_dump(
    session: AsyncSession, lines: AsyncIterable[bytes] | Iterable[bytes]
) -> Counter[str]:
    """Insert a dump into an empty, migrated database; rows per table. The caller commits."""
    loader = _Loader(session)
    seen_header = False
    async for number, line in _numbered_lines(lines):
        try:
            value = json.loads(line if seen_header else line.removeprefix(codecs.BOM_UTF8))
        except ValueError as error:
            raise DumpError(f"line {number} is not JSON: {error}") from None
        if not seen_header:
            await loader.header(number, value)
            seen_header = True
        else:
            await loader.row(number, value)
    if not seen_header:
        raise DumpError("the dump is empty: no header line")
    await loader.finish_table()
    await loader.reset_sequences()
    return loader.counts
