"""Programmatic Alembic: upgrade, downgrade and inspect without an ini file."""

import asyncio
import pathlib
from collections.abc import Mapping
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from db.engine import create_engine

MIGRATIONS = pathlib.Path(__file__).parent / "migrations"

# Full-text search objects made by hand in migration 0003 and unknown to the models: the
# SQLite FTS5 tables with their shadow tables, and the PostgreSQL GIN expression indexes.
FTS_TABLES = frozenset(
    f"{table}{suffix}"
    for table in ("articles_fts", "statements_fts")
    for suffix in ("", "_data", "_idx", "_docsize", "_config", "_content")
)
FTS_INDEXES = frozenset({"ix_articles_fts", "ix_statements_fts"})
# Expression indexes in the lists' sort order (migration 0006), also unknown to the models.
SORT_INDEXES = frozenset(
    {
        "ix_policy_decisions_topic_date_asc",
        "ix_policy_decisions_topic_date_desc",
        "ix_policy_decisions_date_asc",
        "ix_policy_decisions_date_desc",
        "ix_evidence_article_position",
    }
)


def include_name(name: str | None, type_: str, parent_names: Mapping[Any, str | None]) -> bool:
    """Autogenerate filter: leave the hand-made full-text search and sort indexes alone."""
    if type_ == "table":
        return name not in FTS_TABLES
    if type_ == "index":
        return name not in FTS_INDEXES and name not in SORT_INDEXES
    return True


def alembic_config(database_url: str) -> Config:
    """An Alembic config pointing at our migrations and the given database."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Migrate the database up to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str = "base") -> None:
    """Migrate the database down to `revision`."""
    command.downgrade(alembic_config(database_url), revision)


def heads(database_url: str) -> tuple[str, ...]:
    """The head revisions of the migration scripts."""
    return tuple(ScriptDirectory.from_config(alembic_config(database_url)).get_heads())


def compare(current: tuple[str, ...]) -> str:
    """ "ok" at the head of these scripts; "ahead" when the database is at a revision these
    scripts do not know (a newer release migrated it: expand/contract migrations keep this
    code working on it, see docs/deployment.md); "behind" otherwise."""
    from alembic.util import CommandError

    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    if set(current) == set(scripts.get_heads()):
        return "ok"
    for revision in current:
        try:
            scripts.get_revision(revision)
        except CommandError:
            return "ahead"
    return "behind"


def current(database_url: str) -> tuple[str, ...]:
    """The revisions the database is at (empty when never migrated)."""

    def read(connection: Connection) -> tuple[str, ...]:
        return tuple(MigrationContext.configure(connection).get_current_heads())

    async def run() -> tuple[str, ...]:
        engine = create_engine(database_url)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(read)
        finally:
            await engine.dispose()

    return asyncio.run(run())
