"""API keys over GraphQL: the admin's list and the create/revoke/rotate mutations."""

from typing import Any

import strawberry

from api import key_admin
from db.queries import api_keys as q
from schema.context import Info
from schema.errors import PublicError


@strawberry.type(description="Daily usage of a key.")
class ApiKeyUsage:
    day: str = strawberry.field(description="UTC day, ISO date.")
    requests: int = strawberry.field(description="Requests made.")
    graphql_cost: int = strawberry.field(description="GraphQL cost points spent.")
    status_2xx: int = strawberry.field(description="Successful answers.")
    status_3xx: int = strawberry.field(description="Redirects and 304s.")
    status_4xx: int = strawberry.field(description="Client errors.")
    status_5xx: int = strawberry.field(description="Server errors.")


@strawberry.type(description="An API key as administrators see it (never the secret).")
class ApiKey:
    id: str = strawberry.field(description="Public id of the key (the part after the prefix).")
    name: str = strawberry.field(description="Who the key is for.")
    kind: str = strawberry.field(description="secret or publishable.")
    prefix: str = strawberry.field(description="How the key starts, to recognise it.")
    scopes: list[str] = strawberry.field(description="read, write, review, admin.")
    rate: str = strawberry.field(description="Rate limit, e.g. 600/minute.")
    origins: list[str] = strawberry.field(description="Allowed Origins (publishable keys).")
    created_at: str = strawberry.field(description="When it was made (ISO 8601).")
    expires_at: str | None = strawberry.field(description="When it stops working.")
    revoked_at: str | None = strawberry.field(description="When it was revoked.")
    last_used_at: str | None = strawberry.field(description="Last request made with it.")
    usage: list[ApiKeyUsage] = strawberry.field(description="Usage per day.")

    @classmethod
    def build(cls, described: dict[str, Any], usage: list[dict[str, Any]]) -> "ApiKey":
        return cls(**described, usage=[ApiKeyUsage(**u) for u in usage])


@strawberry.type(description="A key just made: `key` is shown this once and never again.")
class CreatedApiKey:
    key: str = strawberry.field(description="The key itself; store it now.")
    api_key: ApiKey = strawberry.field(description="Its settings.")


@strawberry.input(description="A new API key.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="Who the key is for.")
    scopes: list[str] = strawberry.field(default_factory=lambda: ["read"], description="Scopes.")
    kind: str = strawberry.field(default="secret", description="secret or publishable.")
    rate: str | None = strawberry.field(default=None, description="e.g. 600/minute.")
    origins: list[str] = strawberry.field(
        default_factory=list, description="Allowed Origins (required for publishable keys)."
    )
    expires: str | None = strawberry.field(default=None, description="e.g. 90d or an ISO time.")


def _require_admin(info: Info) -> None:
    principal = info.context.principal
    if principal is None or "admin" not in principal.scopes:
        raise PublicError("this needs an API key with the 'admin' scope")


async def _build(info: Info, row: Any) -> ApiKey:
    return ApiKey.build(key_admin.describe(row), await key_admin.usage(info.context.session, row))


async def resolve_api_keys(info: Info) -> list[ApiKey]:
    _require_admin(info)
    return [await _build(info, row) for row in await q.list_api_keys(info.context.session)]


@strawberry.type(description="Changes; each needs the scope it names.")
class Mutation:
    @strawberry.mutation(description="Make an API key (admin).")
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreatedApiKey:
        _require_admin(info)
        settings = info.context.request.state.settings
        request = key_admin.KeyRequest(
            name=input.name,
            scopes=tuple(input.scopes),
            kind=input.kind,
            rate=input.rate,
            origins=tuple(input.origins),
            expires=input.expires,
        )
        session = info.context.session
        try:
            row, plaintext = await key_admin.create(session, request, settings.default_key_rate)
        except ValueError as error:
            raise PublicError(str(error)) from None
        await session.commit()  # the mutation is the edge of this write
        return CreatedApiKey(key=plaintext, api_key=await _build(info, row))

    @strawberry.mutation(description="Revoke a key at once, in every server process (admin).")
    async def revoke_api_key(self, info: Info, id: str) -> ApiKey:
        _require_admin(info)
        session = info.context.session
        row = await q.get_api_key(session, id)
        if row is None:
            raise PublicError(f"no key with id {id!r}")
        await q.revoke_api_key(session, row)
        await session.commit()
        return await _build(info, row)

    @strawberry.mutation(description="Replace a key by a new one with the same settings (admin).")
    async def rotate_api_key(self, info: Info, id: str) -> CreatedApiKey:
        _require_admin(info)
        session = info.context.session
        row = await q.get_api_key(session, id)
        if row is None:
            raise PublicError(f"no key with id {id!r}")
        try:
            replacement, plaintext = await key_admin.rotate(session, row)
        except ValueError as error:
            raise PublicError(str(error)) from None
        await session.commit()
        return CreatedApiKey(key=plaintext, api_key=await _build(info, replacement))
