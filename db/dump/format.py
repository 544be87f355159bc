"""The dump's format: header fields, the tables it holds, the schema revision it needs."""

import functools

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

import db.models  # noqa: F401 - registers every table on the metadata
from db.base import Base
from db.migrate import MIGRATIONS

FORMAT = "frontline-facts-dump"
VERSION = 1
BATCH_SIZE = 1000


class DumpError(ValueError):
    """A dump that cannot be written or loaded; the message says why."""


# Credentials and their usage are operational state, not the dataset: a public export must
# never carry key hashes, and a restore must not resurrect revoked keys.
NOT_DUMPED = frozenset({"api_keys", "api_key_usage"})


def dump_tables() -> list[sa.Table]:
    """Every dataset table, parents before children (Alembic's own table and keys are not in it)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_DUMPED]


@functools.cache
def schema_head() -> str:
    """The Alembic head revision this code expects the database to be at."""
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    if len(heads) != 1:
        raise DumpError(f"migrations have {len(heads)} heads; a dump needs exactly one")
    return str(heads[0])


async def database_revision(session: AsyncSession) -> str:
    """The database's Alembic revision; DumpError unless it is at this code's head."""
    try:
        revisions = (
            await session.scalars(sa.text("SELECT version_num FROM alembic_version"))
        ).all()
    except DBAPIError:
        raise DumpError("the database is not migrated: run `frontline db upgrade` first") from None
    head = schema_head()
    if list(revisions) != [head]:
        found = ", ".join(revisions) or "(none)"
        raise DumpError(
            f"the database is at revision {found} but this frontline expects {head}: "
            "run `frontline db upgrade` first"
        )
    return head


async def begin_snapshot(session: AsyncSession) -> None:
    """Make the session's next transaction read one snapshot (REPEATABLE READ on PostgreSQL).

    Call before the session's first statement. SQLite needs nothing while nobody writes.
    """
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
