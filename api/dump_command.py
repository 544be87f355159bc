"""`frontline export` and `frontline import`: the whole database as one NDJSON dump or CSV zip."""

import argparse
import asyncio
import os
import sys
from collections import Counter
from collections.abc import Iterable
from typing import BinaryIO

from api.settings import Settings


async def _export(database_url: str, out: BinaryIO | None, zip_path: str | None) -> int:
    from db.dump import begin_snapshot, iter_dump, write_zip
    from db.engine import create_engine, session_factory

    engine = create_engine(database_url)
    try:
        # One read transaction (one snapshot on PostgreSQL) for the whole dump.
        async with session_factory(engine)() as session, session.begin():
            await begin_snapshot(session)
            if zip_path is not None:
                return sum((await write_zip(session, zip_path)).values())
            assert out is not None
            rows = -1  # the first line is the header
            async for line in iter_dump(session):
                out.write(line)
                rows += 1
            return rows
    finally:
        await engine.dispose()


async def _import(database_url: str, lines: Iterable[bytes]) -> Counter[str]:
    from db.dump import load_dump
    from db.engine import create_engine, session_factory

    engine = create_engine(database_url)
    try:
        # One transaction: a refused line leaves the database as it was.
        async with session_factory(engine)() as session, session.begin():
            return await load_dump(session, lines)
    finally:
        await engine.dispose()


def run_export(settings: Settings, args: argparse.Namespace) -> int:
    from db.dump import DumpError

    if args.format == "zip" and args.path == "-":
        print("error: --format zip needs a PATH (a zip cannot go to stdout)", file=sys.stderr)
        return 2
    try:
        if args.path == "-":
            asyncio.run(_export(settings.database_url, sys.stdout.buffer, None))
            sys.stdout.flush()
            return 0
        # Write beside the target and rename at the end: a failed export leaves no half file.
        partial = f"{args.path}.partial"
        try:
            if args.format == "zip":
                rows = asyncio.run(_export(settings.database_url, None, partial))
            else:
                with open(partial, "wb") as out:
                    rows = asyncio.run(_export(settings.database_url, out, None))
            os.replace(partial, args.path)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    except DumpError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {rows} rows to {args.path}", file=sys.stderr)
    return 0


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    from db.dump import DumpError

    try:
        if args.path == "-":
            counts = asyncio.run(_import(settings.database_url, sys.stdin.buffer))
        else:
            with open(args.path, "rb") as lines:
                counts = asyncio.run(_import(settings.database_url, lines))
    except (DumpError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for table, rows in counts.items():
        print(f"{table}: {rows}")
    print(f"imported {sum(counts.values())} rows into {len(counts)} tables")
    return 0
