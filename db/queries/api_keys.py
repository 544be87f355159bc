"""API keys and usage: create, find, revoke, rotate, record (callers own transactions)."""

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import ApiKey, ApiKeyUsage


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def create_api_key(session: AsyncSession, **fields: Any) -> ApiKey:
    key = ApiKey(created_at=now(), **fields)
    session.add(key)
    await session.flush()
    return key


async def get_api_key(session: AsyncSession, public_id: str) -> ApiKey | None:
    return await session.scalar(select(ApiKey).where(ApiKey.public_id == public_id))


async def list_api_keys(session: AsyncSession) -> list[ApiKey]:
    return list((await session.scalars(select(ApiKey).order_by(ApiKey.id))).all())


async def revoke_api_key(session: AsyncSession, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = now()
        await session.flush()
    return key


async def active_origins(session: AsyncSession) -> set[str]:
    """Origins of every usable publishable key (for CORS)."""
    rows = await session.scalars(
        select(ApiKey.origins).where(
            ApiKey.kind == "publishable",
            ApiKey.revoked_at.is_(None),
            (ApiKey.expires_at.is_(None)) | (ApiKey.expires_at > now()),
        )
    )
    return {o for row in rows.all() if row for o in row.split()}


async def record_usage(session: AsyncSession, key_id: int, status: int, cost: int) -> None:
    """Count one request against today's usage row of the key."""
    moment = now()
    day = moment.date()
    column = f"status_{min(max(status // 100, 2), 5)}xx"
    values = {
        ApiKeyUsage.requests: ApiKeyUsage.requests + 1,
        ApiKeyUsage.graphql_cost: ApiKeyUsage.graphql_cost + cost,
        getattr(ApiKeyUsage, column): getattr(ApiKeyUsage, column) + 1,
    }
    result = await session.execute(
        update(ApiKeyUsage)
        .where(ApiKeyUsage.api_key_id == key_id, ApiKeyUsage.day == day)
        .values(values)
    )
    if getattr(result, "rowcount", 0) == 0:
        usage = ApiKeyUsage(
            api_key_id=key_id,
            day=day,
            requests=1,
            graphql_cost=cost,
            status_2xx=0,
            status_3xx=0,
            status_4xx=0,
            status_5xx=0,
        )
        setattr(usage, column, 1)
        session.add(usage)
    await session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=moment))
    await session.flush()


async def usage_for(session: AsyncSession, key_id: int) -> list[ApiKeyUsage]:
    rows = await session.scalars(
        select(ApiKeyUsage).where(ApiKeyUsage.api_key_id == key_id).order_by(ApiKeyUsage.day)
    )
    return list(rows.all())
