"""Reading a JSON object from a request body: one answer for each way it can be wrong."""

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from api.errors import problem


async def json_object(
    request: Request, what: str, allowed: set[str], *, name_the_field: bool = False
) -> dict[str, Any] | Response:
    """The body as a dict with only `allowed` keys, or the problem to answer: 415 when it is not
    JSON, 400 when it does not parse, 422 when it is not an object or has other keys (naming the
    first in `field` when `name_the_field`). `what` is the thing sent, for the 415's detail."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return problem(415, f"send the {what} as JSON (Content-Type: application/json)")
    try:
        body = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return problem(400, "the body is not valid JSON")
    if not isinstance(body, dict):
        return problem(422, "the body must be a JSON object")
    unknown = sorted(set(body) - allowed)
    if unknown:
        detail = f"unknown fields: {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        return problem(422, detail, **({"field": unknown[0]} if name_the_field else {}))
    return body
