"""Read and bump the data version (callers own the transaction)."""

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import DatasetVersion


async def get_data_version(session: AsyncSession) -> int:
    """The current version; 0 before anything was written."""
    return int(
        await session.scalar(select(DatasetVersion.version).where(DatasetVersion.id == 1)) or 0
    )


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
