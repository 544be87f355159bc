"""REST: /v1/keys (admin scope): list, create, show with usage, revoke, rotate."""

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import key_admin
from api.errors import problem
from api.json_body import json_object
from api.listing import JSONResponse
from api.params import parse_params
from api.settings import Settings
from db.queries import api_keys as q

FIELDS = {"name", "scopes", "kind", "rate", "origins", "expires"}


def _strings(body: dict[str, Any], field: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = body.get(field, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{field} must be a list of strings")
    return tuple(value)


async def _no_params(request: Request) -> Response | None:
    try:
        parse_params(request.query_params, {})
    except ValueError as error:
        return problem(400, str(error))
    return None


async def list_keys(request: Request) -> Response:
    if (error := await _no_params(request)) is not None:
        return error
    rows = await q.list_api_keys(request.state.session)
    return JSONResponse({"items": [key_admin.describe(r) for r in rows], "next": None})


async def create_key(request: Request) -> Response:
    if (error := await _no_params(request)) is not None:
        return error
    body = await json_object(request, "key", FIELDS)
    if isinstance(body, Response):
        return body
    settings: Settings = request.state.settings
    try:
        for field in ("name", "kind", "rate", "expires"):
            if field in body and body[field] is not None and not isinstance(body[field], str):
                raise ValueError(f"{field} must be a string")
        key_request = key_admin.KeyRequest(
            name=body.get("name") or "",
            scopes=_strings(body, "scopes", ("read",)),
            kind=body.get("kind") or "secret",
            rate=body.get("rate"),
            origins=_strings(body, "origins", ()),
            expires=body.get("expires"),
        )
        session = request.state.session
        row, plaintext = await key_admin.create(session, key_request, settings.default_key_rate)
    except ValueError as error:
        return problem(422, str(error))
    await session.commit()
    return JSONResponse({**key_admin.describe(row), "key": plaintext}, status_code=201)


async def _find(request: Request) -> Any:
    public_id = request.path_params["id"]
    # Public ids are 10 base32 characters; anything else (NUL included) cannot exist.
    if not re.fullmatch(r"[a-z2-7]{10}", public_id):
        return None
    return await q.get_api_key(request.state.session, public_id)


async def get_key(request: Request) -> Response:
    if (error := await _no_params(request)) is not None:
        return error
    row = await _find(request)
    if row is None:
        return problem(404, f"no key with id {request.path_params['id']!r}")
    usage = await key_admin.usage(request.state.session, row)
    return JSONResponse({**key_admin.describe(row), "usage": usage})


async def revoke_key(request: Request) -> Response:
    if (error := await _no_params(request)) is not None:
        return error
    row = await _find(request)
    if row is None:
        return problem(404, f"no key with id {request.path_params['id']!r}")
    await q.revoke_api_key(request.state.session, row)
    await request.state.session.commit()
    return JSONResponse(key_admin.describe(row))


async def rotate_key(request: Request) -> Response:
    if (error := await _no_params(request)) is not None:
        return error
    row = await _find(request)
    if row is None:
        return problem(404, f"no key with id {request.path_params['id']!r}")
    try:
        replacement, plaintext = await key_admin.rotate(request.state.session, row)
    except ValueError as error:
        return problem(422, str(error))
    await request.state.session.commit()
    return JSONResponse({**key_admin.describe(replacement), "key": plaintext}, status_code=201)
