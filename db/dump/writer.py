"""Writing the dump: every table read in keyset batches, as NDJSON lines or a zip of CSVs."""

import asyncio
import csv
import io
import json
import os
import time
import zipfile
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from db.dump.codec import ndjson_line, table_codecs
from db.dump.format import BATCH_SIZE, FORMAT, VERSION, database_revision


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
    names = list(table_codecs())
    yield ndjson_line({"format": FORMAT, "version": VERSION, "schema": revision, "tables": names})
    for name, codec in table_codecs().items():
        async for rows in _batches(session, codec.table):
            for row in rows:
                yield ndjson_line({"table": name, "row": codec.encode(row)})


def _csv_cell(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "" if value is None else str(value)


async def write_zip(session: AsyncSession, path: str | os.PathLike[str]) -> Counter[str]:
    """Write one CSV per table (header row, then rows by primary key) into a zip at `path`."""
    await database_revision(session)
    counts: Counter[str] = Counter()
    with zipfile.ZipFile(path, "w") as archive:
        for name, codec in table_codecs().items():
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
