"""Ingestion throughput through the extractor: articles/s in one process, on a fresh database.

`python -m bench.ingestion prepare DATABASE_URL` empties the database, migrates it and loads
the shipped dataset; `python -m bench.ingestion run DATABASE_URL ROUNDS OUT_JSON` then ingests
the dev corpus (tests/corpus/dev/*.txt) ROUNDS times, one article per transaction as
`POST /v1/articles` does (ingest_and_commit). Each copy gets a distinct last line, so it is a
new article (not a duplicate) with the same facts to extract. Two commands, so that a profiler
can watch the ingestion alone (bench.run runs `run` a second time under py-spy).
"""

import argparse
import asyncio
import collections
import json
import pathlib
import sys
import time
from typing import Any

import psycopg
from sqlalchemy.engine import make_url

from bench import corpus
from db.engine import create_engine, session_factory
from ingest.intake import ArticleInput
from ingest.pipeline import ingest_and_commit

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "corpus" / "dev"


def articles(rounds: int) -> list[ArticleInput]:
    """The dev corpus `rounds` times, each copy made distinct by a line of its own."""
    bodies = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*.txt"))]
    return [
        ArticleInput(body=f"{body.rstrip()}\n\n(Copy {n + 1} of this report.)\n")
        for n in range(rounds)
        for body in bodies
    ]


def recreate(url: str) -> None:
    """Drop and create the database named in `url` (PostgreSQL)."""
    parsed = make_url(url)
    name = parsed.database
    server = parsed.set(drivername="postgresql", database="postgres")
    dsn = server.render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


async def ingest_all(url: str, inputs: list[ArticleInput]) -> dict[str, Any]:
    engine = create_engine(url)
    sessions = session_factory(engine)
    facts: collections.Counter[str] = collections.Counter()
    created = 0
    started = time.perf_counter()
    try:
        for article in inputs:
            async with sessions() as session:
                result = await ingest_and_commit(session, article, actor="bench")
            created += int(result.created)
            facts.update(outcome.kind for outcome in result.facts)
    finally:
        await engine.dispose()
    seconds = time.perf_counter() - started
    return {
        "articles": len(inputs),
        "created": created,
        "facts": dict(sorted(facts.items())),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(inputs) / seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingestion", description=__doc__)
    parser.add_argument("command", choices=["prepare", "run"])
    parser.add_argument("database_url")
    parser.add_argument("rounds", type=int, nargs="?", default=1)
    parser.add_argument("out", nargs="?", default="-")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        recreate(args.database_url)
        corpus.build(args.database_url, 0)  # migrations and the shipped dataset
        return 0
    result = asyncio.run(ingest_all(args.database_url, articles(args.rounds)))
    if args.out != "-":
        pathlib.Path(args.out).write_text(json.dumps(result) + "\n", encoding="utf-8")
    print(f"ingestion: {result}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
