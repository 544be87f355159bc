"""Engine and session factory; URLs without an async driver get one."""

import os
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession


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


def create_engine(url: str) -> AsyncEngine:
    """An async engine for the URL, with SQLite foreign keys switched on.

    No ping before each checkout (it was a round trip per request): a connection the server
    dropped fails the one request that meets it, and SQLAlchemy then replaces the whole pool.
    On PostgreSQL the pool keeps as many connections as a busy process has requests in
    flight, so they do not open and close overflow connections under load, and sessions run
    without JIT compilation (unless the URL sets `options`).
    """
    parsed = async_url(url)
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        options = {"pool_size": 16, "max_overflow": 16}
        if "options" not in parsed.query:
            # No JIT: our statements are short keyset pages, but the planner overestimates
            # some (a page of a filtered million-row list) past jit_above_cost and then
            # spends ~0.5 s compiling each one (docs/benchmarks.md, the CSV export).
            options["connect_args"] = {"options": "-c jit=off"}
    engine = create_async_engine(parsed, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


def reader(engine: AsyncEngine) -> AsyncEngine:
    """The engine for requests that only read: autocommit on PostgreSQL (see read_only)."""
    if engine.dialect.name != "postgresql":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


async def read_only(session: AsyncSession) -> None:
    """Run this session's statements outside a transaction (PostgreSQL; before its first
    statement, else a no-op). Each statement of a READ COMMITTED transaction takes its own
    snapshot anyway, so a request that only reads sees the same data without the BEGIN and
    ROLLBACK round trips. Requests that write must not call it."""
    if session.in_transaction() or session.get_bind().dialect.name != "postgresql":
        return
    await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
