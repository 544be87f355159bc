"""Who is calling: API keys from Authorization/X-API-Key, or an anonymous caller by IP."""

import dataclasses
import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import Headers

from api import keys
from api.settings import Settings
from db.queries.api_keys import get_api_key


class AuthError(Exception):
    """401 (no usable credentials) or 403 (credentials without the needed scope)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclasses.dataclass(frozen=True)
class Principal:
    """The caller of one request."""

    identity: str  # rate-limit bucket: "key:<public id>" or "ip:<address>"
    kind: str  # anonymous, secret or publishable
    scopes: frozenset[str]
    limit: int
    window: int
    key_id: int | None = None
    public_id: str | None = None

    def has(self, scope: str) -> bool:
        """Whether the caller holds `scope`; `admin` implies every scope."""
        return scope in self.scopes or "admin" in self.scopes

    def require(self, scope: str) -> None:
        if not self.has(scope):
            who = "anonymous callers" if self.kind == "anonymous" else f"key {self.public_id}"
            raise AuthError(403, f"{who} lack the {scope!r} scope needed here")


def presented_key(headers: Headers) -> str | None:
    """The key from `Authorization: Bearer ...` or `X-API-Key`; AuthError when malformed."""
    authorization = headers.get("authorization")
    if authorization is not None:
        scheme, _, token = authorization.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError(401, "Authorization must be `Bearer <key>`")
        return token.strip()
    api_key = headers.get("x-api-key")
    if api_key is not None:
        return api_key.strip()
    return None


async def authenticate(
    session: AsyncSession, headers: Headers, client_ip: str, settings: Settings
) -> Principal:
    """Resolve the caller; every failure is a 401 that says what is wrong with the key."""
    plaintext = presented_key(headers)
    if plaintext is None:
        if not settings.anonymous:
            raise AuthError(401, "an API key is required (Authorization: Bearer <key>)")
        limit, window = settings.anonymous_rate
        return Principal(f"ip:{client_ip}", "anonymous", frozenset({"read"}), limit, window)
    parsed = keys.parse_key(plaintext)
    if parsed is None:
        raise AuthError(401, "the API key is malformed (keys start with ff_sk_ or ff_pk_)")
    kind, public_id = parsed
    # Read fresh on every request, so a revocation works at once in every process.
    row = await get_api_key(session, public_id)
    if row is None or row.kind != kind or not keys.matches(plaintext, row.secret_hash):
        raise AuthError(401, "the API key is not valid")
    if row.revoked_at is not None:
        raise AuthError(401, "the API key has been revoked")
    if row.expires_at is not None and _aware(row.expires_at) <= dt.datetime.now(dt.UTC):
        raise AuthError(401, "the API key has expired")
    if kind == "publishable":
        origin = headers.get("origin")
        allowed = (row.origins or "").split()
        if origin is None or origin.rstrip("/") not in allowed:
            raise AuthError(401, "this publishable key is not allowed from this Origin")
    return Principal(
        identity=f"key:{public_id}",
        kind=kind,
        scopes=frozenset(row.scopes.split()),
        limit=row.rate_limit,
        window=row.rate_window,
        key_id=row.id,
        public_id=public_id,
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
