"""Migrations: one head, upgrade/downgrade round trip, and models match the migrated schema."""

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from db import migrate
from db.base import Base
from db.engine import create_engine
from tests.conftest import Databases


def test_single_head() -> None:
    assert len(migrate.heads("sqlite://")) == 1


async def _inspect(url: str) -> tuple[set[str], list[object]]:
    def run(connection: Connection) -> tuple[set[str], list[object]]:
        tables = set(inspect(connection).get_table_names())
        context = MigrationContext.configure(
            connection, opts={"include_name": migrate.include_name}
        )
        diff = compare_metadata(context, Base.metadata)
        return tables, diff

    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(run)
    finally:
        await engine.dispose()


# SQLite cannot reflect the expression indexes of migration 0006 (migrate.SORT_INDEXES).
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_upgrade_downgrade_upgrade(databases: Databases) -> None:
    url = databases.new()
    assert migrate.current(url) == ()
    migrate.upgrade(url)
    assert migrate.current(url) == migrate.heads(url)
    tables, diff = asyncio.run(_inspect(url))
    assert set(Base.metadata.tables) <= tables
    assert diff == [], diff
    migrate.downgrade(url, "base")
    tables, _ = asyncio.run(_inspect(url))
    assert tables <= {"alembic_version"}
    migrate.upgrade(url)
    assert migrate.current(url) == migrate.heads(url)
