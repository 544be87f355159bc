"""The `frontline` command: serve, migrate, load the dataset, print the SDL."""

import argparse
import asyncio
import sys
from collections.abc import Sequence

from api import dump_command, keys_command, serve_command
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
    serve.set_defaults(run=serve_command.run)

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
    keys.set_defaults(run=keys_command.run)

    export = sub.add_parser("export", help="dump every table (NDJSON for import, or CSV zip)")
    export.add_argument("path", nargs="?", default="-", help="file to write (default: - stdout)")
    export.add_argument("--format", choices=["ndjson", "zip"], default="ndjson")
    export.set_defaults(run=dump_command.run_export)

    ingest = sub.add_parser("ingest", help="add articles (*.txt, *.json) and extract their facts")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ingest.add_argument("--outlet", help="outlet of articles that do not name one")
    ingest.add_argument("--language", help="language of articles that do not give one (e.g. en)")
    ingest.set_defaults(run=_cmd_ingest)

    load = sub.add_parser("import", help="load an NDJSON dump into an empty, migrated database")
    load.add_argument("path", help="dump file to read (- for stdin)")
    load.set_defaults(run=dump_command.run_import)
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
