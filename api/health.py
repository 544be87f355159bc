"""Health endpoints: /healthz (the process is alive) and /readyz (it can serve)."""

import asyncio
import functools

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse

from api.ratelimit import Limiter

CHECK_TIMEOUT = 2.0  # seconds: a load balancer must get an answer, not a hung probe


async def healthz(request: Request) -> JSONResponse:
    """The process is alive."""
    return JSONResponse({"status": "ok"})


@functools.cache
def _head() -> tuple[str, ...]:
    # The migration scripts ship with the code: read their head once per process.
    from db.migrate import heads

    return heads("sqlite://")


@functools.cache
def _compare(current: tuple[str, ...]) -> str:
    from db.migrate import compare

    return compare(current)


def _current(connection: Connection) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    return tuple(MigrationContext.configure(connection).get_current_heads())


async def _database(engine: AsyncEngine) -> tuple[str, str]:
    """(database check, migrations check)."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            current = await connection.run_sync(_current)
    except Exception as error:  # any failure to reach the database means "not ready"
        return f"unreachable: {type(error).__name__}", "unknown"
    head = _head()
    state = _compare(current)
    at = f"at {', '.join(current) or 'nothing'}"
    if state == "ahead":
        # A newer release migrated first (rolling deploy): this code keeps serving.
        return "ok", f"ahead: {at}, newer than this code's {', '.join(head)}"
    if state == "behind":
        return "ok", f"{at}, expected {', '.join(head)}"
    return "ok", "ok"


async def _redis(limiter: Limiter | None) -> str:
    if limiter is None or not hasattr(limiter, "client"):
        return "not configured"
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            await limiter.client.ping()
    except Exception as error:
        return f"unreachable: {type(error).__name__}"
    return "ok"


async def readyz(request: Request) -> JSONResponse:
    """200 when the database answers at the migration head (and Redis and the read replica,
    when configured)."""
    database, migrations = await _database(request.state.engine)
    redis = await _redis(request.state.limiter)
    checks = {"database": database, "migrations": migrations, "redis": redis}
    replica = getattr(request.state, "replica", None)
    if replica is not None:
        reachable, at_head = await _database(replica)
        checks["replica"] = at_head if reachable == "ok" else reachable
    # Rate limits fall back to per-process counters without Redis (api/ratelimit.py): an
    # operator may prefer serving that way to every replica leaving the load balancer.
    optional = set() if request.state.settings.redis_required else {"redis"}
    failed = [
        f"{name}: {value}"
        for name, value in checks.items()
        if value not in {"ok", "not configured"}
        and not value.startswith("ahead:")
        and name not in optional
    ]
    body: dict[str, object] = {"status": "ready" if not failed else "not ready", "checks": checks}
    if failed:
        body["reason"] = "; ".join(failed)
    return JSONResponse(body, status_code=503 if failed else 200)
