"""Synthetic corpus: N articles of templated coverage, with facts and exact evidence quotes.

Usage: `python -m bench.corpus DATABASE_URL ARTICLES [--seed 1]`. The database is migrated and
given the shipped dataset first (the 5 seed articles count towards ARTICLES); the rest are
generated: bodies built from templated sentences (never copied text), each fact sentence quoted
as evidence at its exact offsets. PostgreSQL is loaded with COPY, SQLite with large executemany
batches. Running it again on a database that already holds ARTICLES articles does nothing.
"""

import argparse
import asyncio
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from bench.corpus_text import Pools, article_batches, build_facts
from bench.corpus_writers import PostgresWriter, QmarkCursor, SQLiteWriter, Writer
from db import migrate
from db.engine import create_engine, session_factory
from ingest.curated import is_empty, load_dataset

HEADLINE_TOPIC = "weapons-use-on-russian-territory"


TABLES = (
    "articles",
    "evidence",
    "outlets",
    "people",
    "topics",
    "policy_decisions",
    "aid_packages",
    "person_roles",
    "events",
)


def _pools(cur: Any) -> Pools:
    cur.execute("SELECT id, iso2, name FROM countries")
    found = cur.fetchall()
    countries = {iso2: pk for pk, iso2, _ in found}
    names = {pk: name for pk, _, name in found}
    cur.execute(f"SELECT id FROM topics WHERE key = '{HEADLINE_TOPIC}'")  # a constant
    topic = cur.fetchone()
    next_id = {}
    for table in TABLES:
        cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        next_id[table] = int(cur.fetchone()[0])
    return Pools(countries, names, countries["UA"], int(topic[0]), next_id)


def _article_count(cur: Any) -> int:
    cur.execute("SELECT COUNT(*) FROM articles")
    return int(cur.fetchone()[0])


def generate(writer: Writer, cur: Any, articles: int, seed: int = 1) -> int:
    """Add articles until the database holds `articles`; returns how many were added."""
    missing = articles - _article_count(cur)
    if missing <= 0:
        return 0
    rng = random.Random(seed)
    pools = _pools(cur)
    facts = build_facts(writer, pools, missing, rng)
    cur.execute("SELECT id FROM outlets WHERE key LIKE 'synthetic-outlet-%'")
    outlets = [row[0] for row in cur.fetchall()]
    for article_rows, evidence_rows in article_batches(pools, facts, outlets, missing, rng):
        writer.write("articles", article_rows)
        writer.write("evidence", evidence_rows)
    cur.execute("UPDATE dataset_version SET version = version + 1 WHERE id = 1")
    return missing


async def _seed(url: str) -> None:
    """Load the shipped dataset when the database is new."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            if await is_empty(session):
                await load_dataset(session)
    finally:
        await engine.dispose()


def build(url: str, articles: int, seed: int = 1) -> int:
    """Prepare the database at `url` and grow it to `articles` articles."""
    migrate.upgrade(url)
    asyncio.run(_seed(url))
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database or "")
        try:
            cursor = QmarkCursor(conn.cursor())
            with conn:
                added = generate(SQLiteWriter(conn), cursor, articles, seed)
            conn.execute("ANALYZE")
        finally:
            conn.close()
        return added
    dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as pg:
        with pg.cursor() as cur:
            added = generate(PostgresWriter(pg), cur, articles, seed)
            for table in TABLES:
                cur.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                )
        pg.commit()
        pg.autocommit = True
        pg.execute("VACUUM ANALYZE")
    return added


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("database_url")
    parser.add_argument("articles", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    added = build(args.database_url, args.articles, args.seed)
    print(
        f"added {added} articles in {time.perf_counter() - started:.1f}s "
        f"({args.articles} in the database)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
