"""`frontline serve`: checks before start-up, worker metrics, GC tuning, then uvicorn."""

import argparse
import os
import sys

from api.settings import Settings


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


def run(settings: Settings, args: argparse.Namespace) -> int:
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
