"""API keys for tests: made the way the CLI makes them, and the headers that carry them."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api import key_admin
from tests.conftest import with_session


def make_key(url: str, **fields: Any) -> tuple[str, str]:
    """(plaintext, public id) of a new key, made the way the CLI makes it."""

    async def create(session: AsyncSession) -> tuple[str, str]:
        request = key_admin.KeyRequest(**{"name": "test", **fields})
        row, plaintext = await key_admin.create(session, request, (600, 60))
        return plaintext, row.public_id

    return with_session(url, create)


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def key_headers(url: str, *scopes: str) -> dict[str, str]:
    """The Authorization header of a new key with these scopes."""
    return bearer(make_key(url, scopes=scopes)[0])
