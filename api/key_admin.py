"""Key administration shared by the CLI, REST /v1/keys and GraphQL mutations."""

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api import keys
from db.models import ApiKey
from db.queries import api_keys as q


@dataclasses.dataclass(frozen=True)
class KeyRequest:
    """What a caller asks for; validated by `validate` before anything is written."""

    name: str
    scopes: tuple[str, ...] = ("read",)
    kind: str = "secret"
    rate: str | None = None
    origins: tuple[str, ...] = ()
    expires: str | None = None


def validate(
    request: KeyRequest, default_rate: tuple[int, int]
) -> tuple[str, tuple[str, ...], tuple[int, int], tuple[str, ...], dt.datetime | None]:
    """ValueError with a readable message when any field is wrong."""
    name = request.name.strip()
    if not name or len(name) > 200:
        raise ValueError("name must be 1 to 200 characters")
    if request.kind not in keys.KINDS:
        raise ValueError("kind must be secret or publishable")
    scopes = keys.parse_scopes(list(request.scopes), request.kind)
    rate = keys.parse_rate(request.rate) if request.rate else default_rate
    origins = keys.parse_origins(list(request.origins), request.kind)
    expires = keys.parse_expiry(request.expires, q.now()) if request.expires else None
    return name, scopes, rate, origins, expires


async def create(
    session: AsyncSession, request: KeyRequest, default_rate: tuple[int, int]
) -> tuple[ApiKey, str]:
    """Store a new key; returns the row and the plaintext (shown once, never stored)."""
    name, scopes, (limit, window), origins, expires = validate(request, default_rate)
    new = keys.generate(request.kind)
    row = await q.create_api_key(
        session,
        public_id=new.public_id,
        secret_hash=new.secret_hash,
        name=name,
        kind=request.kind,
        scopes=" ".join(scopes),
        rate_limit=limit,
        rate_window=window,
        origins=" ".join(origins) or None,
        expires_at=expires,
    )
    return row, new.plaintext


async def rotate(session: AsyncSession, row: ApiKey) -> tuple[ApiKey, str]:
    """A new key with the same settings; the old one is revoked in the same transaction."""
    if row.revoked_at is not None:
        raise ValueError("a revoked key cannot be rotated")
    new = keys.generate(row.kind)
    replacement = await q.create_api_key(
        session,
        public_id=new.public_id,
        secret_hash=new.secret_hash,
        name=row.name,
        kind=row.kind,
        scopes=row.scopes,
        rate_limit=row.rate_limit,
        rate_window=row.rate_window,
        origins=row.origins,
        expires_at=row.expires_at,
    )
    await q.revoke_api_key(session, row)
    row.replaced_by_id = replacement.id
    await session.flush()
    return replacement, new.plaintext


def _iso(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).isoformat()


def describe(row: ApiKey) -> dict[str, Any]:
    """A key as admins see it: never the secret, never its hash."""
    return {
        "id": row.public_id,
        "name": row.name,
        "kind": row.kind,
        "prefix": f"{keys.KINDS[row.kind]}{row.public_id}_",
        "scopes": row.scopes.split(),
        "rate": keys.format_rate(row.rate_limit, row.rate_window),
        "origins": (row.origins or "").split(),
        "created_at": _iso(row.created_at),
        "expires_at": _iso(row.expires_at),
        "revoked_at": _iso(row.revoked_at),
        "last_used_at": _iso(row.last_used_at),
    }


async def usage(session: AsyncSession, row: ApiKey) -> list[dict[str, Any]]:
    return [
        {
            "day": u.day.isoformat(),
            "requests": u.requests,
            "graphql_cost": u.graphql_cost,
            "status_2xx": u.status_2xx,
            "status_3xx": u.status_3xx,
            "status_4xx": u.status_4xx,
            "status_5xx": u.status_5xx,
        }
        for u in await q.usage_for(session, row.id)
    ]
