"""Logical dump of every table: an NDJSON stream, its loader, and a zip of one CSV per table."""

import asyncio
import codecs
import csv
import datetime as dt
import enum
import functools
import io
import json
import os
import time
import zipfile
from collections import Counter
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

import db.models  # noqa: F401 - registers every table on the metadata
from db.base import Base
from db.migrate import MIGRATIONS

FORMAT = "frontline-facts-dump"
VERSION = 1
BATCH_SIZE = 1000

Codec = Callable[[Any], Any]


class DumpError(ValueError):
    """A dump that cannot be written or loaded; the message says why."""


# Credentials and their usage are operational state, not the dataset: a public export must
# never carry key hashes, and a restore must not resurrect revoked keys.
NOT_DUMPED = frozenset({"api_keys", "api_key_usage"})


def dump_tables() -> list[sa.Table]:
    """Every dataset table, parents before children (Alembic's own table and keys are not in it)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_DUMPED]


@functools.cache
def schema_head() -> str:
    """The Alembic head revision this code expects the database to be at."""
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    if len(heads) != 1:
        raise DumpError(f"migrations have {len(heads)} heads; a dump needs exactly one")
    return str(heads[0])


async def database_revision(session: AsyncSession) -> str:
    """The database's Alembic revision; DumpError unless it is at this code's head."""
    try:
        revisions = (
            await session.scalars(sa.text("SELECT version_num FROM alembic_version"))
        ).all()
    except DBAPIError:
        raise DumpError("the database is not migrated: run `frontline db upgrade` first") from None
    head = schema_head()
    if list(revisions) != [head]:
        found = ", ".join(revisions) or "(none)"
        raise DumpError(
            f"the database is at revision {found} but this frontline expects {head}: "
            "run `frontline db upgrade` first"
        )
    return head


async def begin_snapshot(session: AsyncSession) -> None:
    """Make the session's next transaction read one snapshot (REPEATABLE READ on PostgreSQL).

    Call before the session's first statement. SQLite needs nothing while nobody writes.
    """
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


# -- encoding: database values -> JSON values ---------------------------------------------------


def _encoder(column: sa.Column[Any]) -> Codec:
    kind = column.type
    if isinstance(kind, sa.JSON):
        return _same  # already JSON (fact_reviews.before/after)
    if isinstance(kind, sa.DateTime):
        aware = bool(kind.timezone)

        def encode_datetime(value: dt.datetime) -> str:
            # Timestamps are written in UTC; SQLite hands back naive UTC for aware columns.
            if value.tzinfo is None:
                return value.replace(tzinfo=dt.UTC).isoformat() if aware else value.isoformat()
            value = value.astimezone(dt.UTC)
            return value.isoformat() if aware else value.replace(tzinfo=None).isoformat()

        return encode_datetime
    return _encode_value


def _same(value: Any) -> Any:
    return value


def _encode_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot dump a value of type {type(value).__name__}")


class _TableCodec:
    """Column names with an encoder and a decoder each, for one table."""

    def __init__(self, table: sa.Table) -> None:
        self.table = table
        self.names = [column.name for column in table.columns]
        self.encoders = [_encoder(column) for column in table.columns]
        self.decoders = {column.name: _decoder(column) for column in table.columns}

    def encode(self, row: sa.Row[Any]) -> dict[str, Any]:
        pairs = zip(self.names, self.encoders, row, strict=True)
        return {name: None if v is None else encode(v) for name, encode, v in pairs}


@functools.cache
def _codecs() -> dict[str, _TableCodec]:
    return {table.name: _TableCodec(table) for table in dump_tables()}


def _line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


# -- reading tables in keyset batches -----------------------------------------------------------


def _after(pk: Sequence[sa.Column[Any]], last: Sequence[Any]) -> sa.ColumnElement[bool]:
    if len(pk) == 1:
        return pk[0] > last[0]
    return sa.tuple_(*pk) > sa.tuple_(*last)


async def _batches(session: AsyncSession, table: sa.Table) -> AsyncIterator[Sequence[sa.Row[Any]]]:
    """The table's rows in primary-key order, BATCH_SIZE at a time (keyset pagination)."""
    pk = list(table.primary_key.columns)
    positions = [list(table.columns).index(column) for column in pk]
    query = sa.select(table).order_by(*pk).limit(BATCH_SIZE)
    last: list[Any] | None = None
    while True:
        page = query if last is None else query.where(_after(pk, last))
        rows = (await session.execute(page)).all()
        if rows:
            yield rows
        if len(rows) < BATCH_SIZE:
            return
        last = [rows[-1][i] for i in positions]


async def iter_dump(session: AsyncSession) -> AsyncIterator[bytes]:
    """The whole database as NDJSON lines: the header, then every row of every table."""
    revision = await database_revision(session)
    names = list(_codecs())
    yield _line({"format": FORMAT, "version": VERSION, "schema": revision, "tables": names})
    for name, codec in _codecs().items():
        async for rows in _batches(session, codec.table):
            for row in rows:
                yield _line({"table": name, "row": codec.encode(row)})


# -- loading -------------------------------------------------------------------------------------


def _decoder(column: sa.Column[Any]) -> Codec:
    kind = column.type
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class  # by value; ValueError names the bad one
    if isinstance(kind, sa.DateTime):
        return functools.partial(_decode_datetime, bool(kind.timezone))
    if isinstance(kind, sa.Date):
        return lambda value: dt.date.fromisoformat(_expect(str, value))
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return lambda value: Decimal(_expect((str, int), value))
    for sql_type, python_type in ((sa.Integer, int), (sa.Boolean, bool), (sa.String, str)):
        if isinstance(kind, sql_type):
            return functools.partial(_expect, python_type)
    return lambda value: value


def _expect(kind: type | tuple[type, ...], value: Any) -> Any:
    # JSON true/false are Python bools, which are ints too: only a Boolean column takes them.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"expected {getattr(kind, '__name__', 'a string or a number')}")
    return value


def _decode_datetime(aware: bool, value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("expected an ISO datetime string")
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC) if aware else parsed
    parsed = parsed.astimezone(dt.UTC)
    return parsed if aware else parsed.replace(tzinfo=None)


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
        self.current: _TableCodec | None = None
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
        codecs, known = _codecs(), list(_codecs())
        unknown = [name for name in tables if name not in codecs]
        if unknown:
            raise DumpError(f"unknown table(s) in the header: {', '.join(unknown)}")
        if [known.index(name) for name in tables] != sorted({known.index(n) for n in tables}):
            raise DumpError("the header's tables repeat or are not in dependency order")
        await database_revision(self.session)
        filled = [name for name in tables if await self._has_rows(codecs[name].table)]
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
            known = "unknown table" if name not in _codecs() else "table not in the header"
            raise DumpError(f"line {number}: {known} {name!r}")
        if not isinstance(row, dict):
            raise DumpError(f"line {number}: the row must be an object")
        codec = _codecs()[name]
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
            table = _codecs()[name].table
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


# -- zip of CSVs ---------------------------------------------------------------------------------


def _csv_cell(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "" if value is None else str(value)


async def write_zip(session: AsyncSession, path: str | os.PathLike[str]) -> Counter[str]:
    """Write one CSV per table (header row, then rows by primary key) into a zip at `path`."""
    await database_revision(session)
    counts: Counter[str] = Counter()
    with zipfile.ZipFile(path, "w") as archive:
        for name, codec in _codecs().items():
            counts[name] = 0
            entry = zipfile.ZipInfo(f"{name}.csv", time.localtime()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            with (
                archive.open(entry, "w", force_zip64=True) as raw,
                io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream,
            ):
                writer = csv.writer(stream)
                writer.writerow(codec.names)
                async for rows in _batches(session, codec.table):
                    cells = [[_csv_cell(v) for v in codec.encode(row).values()] for row in rows]
                    # Compressing a batch is blocking work: keep it off the event loop.
                    await asyncio.to_thread(writer.writerows, cells)
                    counts[name] += len(rows)
    return counts
