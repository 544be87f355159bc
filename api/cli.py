"""The `frontline` command: serve, migrate, load the dataset, print the SDL."""

import argparse
import asyncio
import sys
from collections.abc import Sequence

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


def _cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        reload=args.reload,
        access_log=not args.no_access_log,
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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="frontline", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the API (HOST/PORT from the environment)")
    serve.add_argument("--host", help="interface to bind (default: $HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: $PORT or 8000)")
    serve.add_argument("--reload", action="store_true", help="restart on code changes (dev)")
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    return int(args.run(settings, args))


if __name__ == "__main__":
    sys.exit(main())
