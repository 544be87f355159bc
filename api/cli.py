"""The `frontline` command: serve, migrate, load the dataset, print the SDL."""

import argparse
import asyncio
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from api.settings import Settings, SettingsError


async def _seed(database_url: str, if_empty: bool) -> str:
    from db.engine import create_engine, session_factory
    from ingest.curated import is_empty, load_dataset

    engine = create_engine(database_url)
    try:
        # The CLI command is the edge: it owns the one transaction of the load.
        async with session_factory(engine)() as session, session.begin():
            if if_empty and not await is_empty(session):
                return "database already has articles; skipped (drop --if-empty to update)"
            report = await load_dataset(session)
            return report.summary()
    finally:
        await engine.dispose()


def _tune_gc() -> None:
    """The server's heap is mostly long-lived (schema, mappers, modules) and each request
    makes thousands of short-lived objects: with the default thresholds the collector ran
    often and re-scanned the whole heap, and more so the more requests were in flight
    (docs/benchmarks.md measured up to a third of the throughput at 8 connections). Freeze
    what exists at start-up out of the collector's sight and collect young objects less often.
    """
    import gc

    import api.app  # noqa: F401 - everything the app imports is built before the freeze

    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)


def _metrics_dir(workers: int) -> str | None:
    """Worker processes share their metrics through files in PROMETHEUS_MULTIPROC_DIR."""
    import glob
    import tempfile

    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory is None and workers > 1:
        directory = tempfile.mkdtemp(prefix="frontline-metrics-")
        # Set before any worker starts (and imports prometheus_client): they inherit it.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
    if directory is not None:
        os.makedirs(directory, exist_ok=True)
        for stale in glob.glob(os.path.join(directory, "*.db")):
            os.remove(stale)  # samples of a previous run would be added to this one's
    return directory


def _not_at_head(settings: Settings) -> str | None:
    """Why a production server must not start on this database, if it must not."""
    from db import migrate

    try:
        current, head = migrate.current(settings.database_url), migrate.heads("sqlite://")
    except Exception as error:  # unreachable, wrong credentials...: say so and stop
        return f"cannot read the migration state of DATABASE_URL ({type(error).__name__}: {error})"
    # Ahead is fine: during a rolling deploy the new release migrates before old replicas stop.
    if migrate.compare(current) == "behind":
        at = ", ".join(current) or "nothing"
        return (
            f"the database is at {at}, the code expects {', '.join(head)}: "
            "run `frontline db upgrade` first (FRONTLINE_ENV=production never migrates implicitly)"
        )
    return None


def _cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import signal

    import uvicorn

    workers = settings.workers if args.workers is None else args.workers
    if not 1 <= workers <= 64:
        print(f"error: --workers must be between 1 and 64, got {workers}", file=sys.stderr)
        return 2
    if args.reload and workers > 1:
        print("error: --reload and --workers > 1 cannot be combined", file=sys.stderr)
        return 2
    if settings.production:
        if args.reload:
            print("error: --reload is for development (FRONTLINE_ENV=production)", file=sys.stderr)
            return 2
        problem = _not_at_head(settings)
        if problem is not None:
            print(f"error: {problem}", file=sys.stderr)
            return 1
    _metrics_dir(workers)
    if workers == 1 and not args.reload:
        _tune_gc()  # the serving process itself (workers are separate processes)
    # uvicorn stops on SIGTERM after draining, then re-raises the signal: a drained, requested
    # stop is a success, so it ends the process with status 0 (a crash still does not).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        reload=args.reload,
        workers=workers if workers > 1 else None,
        timeout_graceful_shutdown=settings.graceful_timeout,
        # The app's own ProxyHeadersMiddleware applies FRONTLINE_TRUSTED_PROXIES (also under
        # gunicorn or in tests); uvicorn's would trust 127.0.0.1 on its own.
        proxy_headers=False,
        # One JSON line per request comes from the app; uvicorn's text line would repeat it.
        access_log=not args.no_access_log and not settings.production,
        log_level=settings.log_level.lower(),
    )
    return 0


def _cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    from db import migrate

    if args.action == "upgrade":
        migrate.upgrade(settings.database_url, args.revision or "head")
    elif args.action == "downgrade":
        migrate.downgrade(settings.database_url, args.revision or "base")
    else:
        at = migrate.current(settings.database_url)
        head = migrate.heads(settings.database_url)
        print(f"current: {', '.join(at) or '(none)'}; head: {', '.join(head)}")
    return 0


def _cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from ingest.curated import CuratedDataError

    try:
        print(asyncio.run(_seed(settings.database_url, args.if_empty)))
    except CuratedDataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _cmd_schema(settings: Settings, args: argparse.Namespace) -> int:
    from schema.schema import SDL_PATH, sdl

    text = sdl()
    if args.check:
        if SDL_PATH.read_text(encoding="utf-8") != text:
            print(f"{SDL_PATH} is stale: run `frontline schema --write`", file=sys.stderr)
            return 1
        print(f"{SDL_PATH} is up to date")
    elif args.write:
        SDL_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {SDL_PATH}")
    else:
        sys.stdout.write(text)
    return 0


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


def _cmd_export(settings: Settings, args: argparse.Namespace) -> int:
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


def _cmd_import(settings: Settings, args: argparse.Namespace) -> int:
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


def _cmd_evaluate(settings: Settings, args: argparse.Namespace) -> int:
    from ingest.evaluate import SPLITS, evaluate, load_split, table

    splits = SPLITS if args.split == "all" else (args.split,)
    if args.errors and "heldout" in splits:
        print("error: --errors is refused for heldout: it must stay unseen", file=sys.stderr)
        return 2
    reports = [
        evaluate(split, [a for a in load_split(split) if a.key.startswith(args.only)])
        for split in splits
    ]
    print(table(reports))
    if args.errors:
        for report in reports:
            for article, lines in report.errors.items():
                print(f"\n[{report.split}] {article}")
                print("\n".join(f"  {line}" for line in lines))
    return 0


async def _keys(settings: Settings, args: argparse.Namespace) -> tuple[int, str]:
    from api import key_admin
    from db.engine import create_engine, session_factory
    from db.queries import api_keys

    engine = create_engine(settings.database_url)
    try:
        async with session_factory(engine)() as session, session.begin():
            if args.action == "create":
                request = key_admin.KeyRequest(
                    name=args.name,
                    scopes=tuple(args.scopes.split(",")),
                    kind=args.kind,
                    rate=args.rate,
                    origins=tuple(args.origin or ()),
                    expires=args.expires,
                )
                row, plaintext = await key_admin.create(session, request, settings.default_key_rate)
                described = key_admin.describe(row)
                return 0, (
                    f"{plaintext}\n\nThis is the only time the key is shown; store it now.\n"
                    f"id {described['id']}, {row.kind}, scopes {' '.join(described['scopes'])}, "
                    f"rate {described['rate']}, expires {described['expires_at'] or 'never'}"
                )
            if args.action == "list":
                rows = await api_keys.list_api_keys(session)
                lines = [
                    f"{d['id']}  {d['kind']:<11} {' '.join(d['scopes']):<22} {d['rate']:<12} "
                    f"{'revoked' if d['revoked_at'] else 'active':<8} {d['name']}"
                    for d in map(key_admin.describe, rows)
                ]
                return 0, "\n".join(lines) or "no keys"
            found = await api_keys.get_api_key(session, args.id or "")
            if found is None:
                return 1, f"no key with id {args.id!r}"
            if args.action == "revoke":
                await api_keys.revoke_api_key(session, found)
                return 0, f"revoked {found.public_id}"
            _, plaintext = await key_admin.rotate(session, found)
            return 0, (
                f"{plaintext}\n\nReplaces {found.public_id} (now revoked); shown only this once."
            )
    finally:
        await engine.dispose()


def _cmd_keys(settings: Settings, args: argparse.Namespace) -> int:
    if args.action == "create" and not args.name:
        print("error: keys create needs --name", file=sys.stderr)
        return 2
    if args.action in {"revoke", "rotate"} and not args.id:
        print(f"error: keys {args.action} needs the key id", file=sys.stderr)
        return 2
    try:
        code, text = asyncio.run(_keys(settings, args))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(text, file=sys.stdout if code == 0 else sys.stderr)
    return code


def _cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from api.ingest_command import run

    return asyncio.run(
        run(
            settings.database_url,
            args.paths,
            args.outlet,
            args.language,
            settings.max_article_chars,
        )
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="frontline", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API (HOST/PORT from the environment)")
    serve.add_argument("--host", help="interface to bind (default: $HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: $PORT or 8000)")
    serve.add_argument("--reload", action="store_true", help="restart on code changes (dev)")
    serve.add_argument(
        "--workers", type=int, help="worker processes (default: $FRONTLINE_WORKERS or 1)"
    )
    serve.add_argument("--no-access-log", action="store_true", help="switch off access logs")
    serve.set_defaults(run=_cmd_serve)

    db = sub.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "downgrade", "current"])
    db.add_argument("revision", nargs="?", help="target revision (default: head / base)")
    db.set_defaults(run=_cmd_db)

    seed = sub.add_parser("seed", help="load the shipped dataset (idempotent)")
    seed.add_argument("--if-empty", action="store_true", help="only when no article is stored")
    seed.set_defaults(run=_cmd_seed)

    schema = sub.add_parser("schema", help="print the GraphQL SDL")
    group = schema.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="write schema/schema.graphql")
    group.add_argument("--check", action="store_true", help="fail if schema.graphql is stale")
    schema.set_defaults(run=_cmd_schema)

    evaluate = sub.add_parser("evaluate", help="score the fact extractor against annotated gold")
    evaluate.add_argument("--split", choices=["seeds", "dev", "heldout", "all"], default="all")
    evaluate.add_argument("--errors", action="store_true", help="list FP/FN per article")
    evaluate.add_argument(
        "--only", default="", metavar="PREFIX", help="articles whose name starts so"
    )
    evaluate.set_defaults(run=_cmd_evaluate)

    keys = sub.add_parser("keys", help="API keys: create, list, revoke, rotate")
    keys.add_argument("action", choices=["create", "list", "revoke", "rotate"])
    keys.add_argument("id", nargs="?", help="key id (revoke, rotate)")
    keys.add_argument("--name", help="who the key is for (create)")
    keys.add_argument("--scopes", default="read", help="read,write,review,admin (create)")
    keys.add_argument("--rate", help="e.g. 600/minute (default: FRONTLINE_DEFAULT_KEY_RATE)")
    keys.add_argument("--kind", choices=["secret", "publishable"], default="secret")
    keys.add_argument("--origin", action="append", help="allowed Origin (publishable; repeat)")
    keys.add_argument("--expires", help="e.g. 90d, 12h, or an ISO timestamp with time zone")
    keys.set_defaults(run=_cmd_keys)

    export = sub.add_parser("export", help="dump every table (NDJSON for import, or CSV zip)")
    export.add_argument("path", nargs="?", default="-", help="file to write (default: - stdout)")
    export.add_argument("--format", choices=["ndjson", "zip"], default="ndjson")
    export.set_defaults(run=_cmd_export)

    ingest = sub.add_parser("ingest", help="add articles (*.txt, *.json) and extract their facts")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ingest.add_argument("--outlet", help="outlet of articles that do not name one")
    ingest.add_argument("--language", help="language of articles that do not give one (e.g. en)")
    ingest.set_defaults(run=_cmd_ingest)

    load = sub.add_parser("import", help="load an NDJSON dump into an empty, migrated database")
    load.add_argument("path", help="dump file to read (- for stdin)")
    load.set_defaults(run=_cmd_import)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    from api.env_file import EnvFileError, load_env_file

    args = parser().parse_args(argv)
    try:
        load_env_file()
        settings = Settings.from_env()
    except EnvFileError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return int(args.run(settings, args))


if __name__ == "__main__":
    sys.exit(main())
