"""Read and bump the data version (callers own the transaction)."""

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import DatasetVersion

# Built once: this read runs on every cached GraphQL answer and every /v1 GET (ETags).
_CURRENT = select(DatasetVersion.__table__.c.version).where(DatasetVersion.__table__.c.id == 1)


async def get_data_version(session: AsyncSession) -> int:
    """The current version; 0 before anything was written."""
    # A Core statement (table columns, not ORM attributes): no ORM compilation for one integer.
    return int(await session.scalar(_CURRENT) or 0)


async def bump_data_version(session: AsyncSession) -> int:
    """Increment the version inside the caller's write transaction and return it."""
    now = dt.datetime.now(dt.UTC)
    result = await session.execute(
        update(DatasetVersion)
        .where(DatasetVersion.id == 1)
        .values(version=DatasetVersion.version + 1, updated_at=now)
        .returning(DatasetVersion.version)
    )
    version = result.scalar_one_or_none()
    if version is None:
        session.add(DatasetVersion(id=1, version=1, updated_at=now))
        await session.flush()
        version = 1
    return int(version)
