"""Find one row for a detail route by global ID, slug/key or (for countries) ISO code."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from schema.relations import key_or_id


async def by_key(session: AsyncSession, model: Any, column: Any, value: str, type_name: str) -> Any:
    """The row whose key column equals the slug, or the key inside a global ID."""
    key = key_or_id(value, type_name)
    if "\x00" in key:
        return None  # no key contains NUL, and PostgreSQL would refuse to compare with one
    return await session.scalar(select(model).where(column == key))
