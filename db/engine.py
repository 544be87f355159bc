"""Engine and session factory; URLs without an async driver get one."""

import os

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession

# The database cannot be reached: connection refused or lost, the server shutting down, or no
# connection free in the pool in time. The web layer answers these with 503, not 500.
UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


def async_url(url: str) -> URL:
    """Pick the async driver for a plain URL: aiosqlite for SQLite, psycopg 3 for PostgreSQL."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif backend in {"postgresql", "postgres"} and "+" not in parsed.drivername:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in {None, "", ":memory:"}:
        directory = os.path.dirname(parsed.database or "")
        if directory:
            os.makedirs(directory, exist_ok=True)
    return parsed


def _enable_sqlite_foreign_keys(dbapi_connection: object, _record: object) -> None:
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine(
    url: str, pool_size: int = 5, max_overflow: int = 10, pool_timeout: float = 30
) -> AsyncEngine:
    """An async engine for the URL, with SQLite foreign keys switched on.

    The pool sizes apply to PostgreSQL (per process: see docs/deployment.md); every checkout
    is pinged first, so connections that died with a database restart are replaced, not used.
    """
    parsed = async_url(url)
    pool: dict[str, float] = {}
    if parsed.get_backend_name() == "postgresql":
        pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    engine = create_async_engine(parsed, pool_pre_ping=True, **pool)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def session_factory(
    engine: AsyncEngine, replica: AsyncEngine | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit; with a `replica`, a session
    marked read-only (db.replica.mark_read_only) sends its SELECTs there."""
    if replica is None:
        return async_sessionmaker(engine, expire_on_commit=False)
    from db.replica import RoutingSession

    return async_sessionmaker(
        engine,
        expire_on_commit=False,
        sync_session_class=RoutingSession,
        info={"replica": replica.sync_engine},
    )
