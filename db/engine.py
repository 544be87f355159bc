"""Engine and session factory; URLs without an async driver get one."""

import asyncio
import os
from typing import Any

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
    PostgreSQL sessions run without JIT compilation (unless the URL sets `options`).
    """
    parsed = async_url(url)
    pool: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
        if "options" not in parsed.query:
            # No JIT: our statements are short keyset pages, but the planner overestimates
            # some (a page of a filtered million-row list) past jit_above_cost and then
            # spends ~0.5 s compiling each one (docs/benchmarks.md, the CSV export).
            pool["connect_args"] = {"options": "-c jit=off"}
    engine = create_async_engine(parsed, pool_pre_ping=True, **pool)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    return engine


class SerialSession(AsyncSession):
    """An AsyncSession whose database round trips take turns.

    GraphQL runs sibling fields concurrently, and they share the request's session; a plain
    AsyncSession refuses a second operation while one is in flight. One lock per session makes
    them queue instead (`scalars` goes through `execute`; `scalar` does not, so it is wrapped).
    Streams are not covered: only single-task REST exports use them.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn = asyncio.Lock()

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().execute(*args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().scalar(*args, **kwargs)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().get(*args, **kwargs)

    async def get_one(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().get_one(*args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        async with self._turn:
            await super().refresh(*args, **kwargs)

    async def flush(self, *args: Any, **kwargs: Any) -> None:
        async with self._turn:
            await super().flush(*args, **kwargs)

    async def merge(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().merge(*args, **kwargs)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        async with self._turn:
            await super().delete(*args, **kwargs)

    async def run_sync(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().run_sync(*args, **kwargs)

    async def commit(self) -> None:
        async with self._turn:
            await super().commit()

    async def rollback(self) -> None:
        async with self._turn:
            await super().rollback()


def session_factory(
    engine: AsyncEngine, replica: AsyncEngine | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after commit, safe for concurrent resolvers;
    with a `replica`, a session marked read-only (db.replica.mark_read_only) sends its
    SELECTs there."""
    if replica is None:
        return async_sessionmaker(engine, class_=SerialSession, expire_on_commit=False)
    from db.replica import RoutingSession

    return async_sessionmaker(
        engine,
        class_=SerialSession,
        expire_on_commit=False,
        sync_session_class=RoutingSession,
        info={"replica": replica.sync_engine},
    )


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
