"""Test fixtures: a real database (SQLite file, or PostgreSQL when DATABASE_URL says so)."""

import asyncio
import os
import pathlib
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import psycopg
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from db import migrate
from db.engine import create_engine, session_factory
from ingest.curated import LoadReport, load_dataset
from tests.contract import Contract, ContractClient

HEADLINE = (pathlib.Path(__file__).parent / "headline.graphql").read_text(encoding="utf-8")
UNLIMITED = (1_000_000, 60)  # an anonymous rate no test reaches
T = TypeVar("T")


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres", "postgresql")) else None


def _admin_dsn(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


class Databases:
    """Makes throwaway databases of the backend under test and drops them at the end."""

    def __init__(self, tmp: pathlib.Path) -> None:
        self.tmp = tmp
        self.base = _postgres_url()
        self.created: list[str] = []

    @property
    def backend(self) -> str:
        return "postgresql" if self.base else "sqlite"

    def new(self) -> str:
        name = f"ff_test_{uuid.uuid4().hex[:10]}"
        if self.base is None:
            return f"sqlite+aiosqlite:///{self.tmp / name}.db"
        with psycopg.connect(_admin_dsn(self.base), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return make_url(self.base).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self.base is None:
            return
        with psycopg.connect(_admin_dsn(self.base), autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop_all()


async def load(url: str, data_dir: pathlib.Path | None = None) -> LoadReport:
    """Load the dataset in one transaction, as `frontline seed` does."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            if data_dir is None:
                return await load_dataset(session)
            return await load_dataset(session, data_dir)
    finally:
        await engine.dispose()


def with_session(url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in one committed transaction on `url`."""

    async def run() -> T:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def seeded_database(databases: Databases) -> str:
    """A new migrated database holding the shipped dataset."""
    url = databases.new()
    migrate.upgrade(url)
    asyncio.run(load(url))
    return url


def app_client(url: str, raise_server_exceptions: bool = True, **settings: Any) -> TestClient:
    """A client of the real app over `url` (enter it to start the app)."""
    app = create_app(Settings(database_url=url, **settings))
    return TestClient(app, raise_server_exceptions=raise_server_exceptions)


@pytest.fixture(scope="session")
def seeded_url(databases: Databases) -> str:
    """A migrated database holding the shipped dataset (shared, read-only in tests)."""
    return seeded_database(databases)


@pytest.fixture(scope="session")
def client(seeded_url: str) -> Iterator[TestClient]:
    """The real ASGI app over the seeded database."""
    # The suite makes thousands of anonymous requests from one address: lift that limit here;
    # tests/test_access.py exercises the real limits.
    with app_client(seeded_url, anonymous_rate=UNLIMITED) as test_client:
        yield test_client


GraphQL = Callable[..., dict[str, Any]]


def graphql(
    client: TestClient | ContractClient,
    query: str,
    variables: Any = None,
    headers: dict[str, str] | None = None,
) -> Any:
    """POST a GraphQL document (and its variables, if any); the HTTP response."""
    body = {"query": query} if variables is None else {"query": query, "variables": variables}
    return client.post("/graphql", json=body, headers=headers or {})


@pytest.fixture(scope="session")
def gql(client: TestClient) -> GraphQL:
    """POST a query; return the decoded body, asserting no errors unless asked."""

    def run(query: str, variables: dict[str, Any] | None = None, errors: bool = False) -> Any:
        response = graphql(client, query, variables or {})
        body = response.json()
        if not errors:
            assert response.status_code == 200, body
            assert "errors" not in body, body["errors"]
            return body["data"]
        assert body.get("errors"), body
        return body

    return run


class StatementCounter:
    """Counts SQL statements the app's engine executes."""

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.count += 1
        self.statements.append(statement)


@pytest.fixture
def count_queries(client: TestClient) -> Iterator[StatementCounter]:
    engine = client.app.state.engine.sync_engine  # type: ignore[attr-defined]
    counter = StatementCounter()
    event.listen(engine, "before_cursor_execute", counter)
    yield counter
    event.remove(engine, "before_cursor_execute", counter)


@pytest.fixture(scope="session")
def api(client: TestClient) -> ContractClient:
    """`client`, but every response is checked against openapi/openapi.yaml (tests/contract.py)."""
    return ContractClient(client, Contract.load())
