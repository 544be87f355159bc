"""Access control per request: authenticate, check the scope, charge the rate limit, log usage."""

import logging
from typing import Any

import orjson
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import metrics
from api.auth import AuthError, Principal, authenticate
from api.errors import PROBLEM_BASE
from api.ratelimit import Decision, Limiter
from api.settings import Settings
from db.queries.api_keys import record_usage

logger = logging.getLogger("frontline.access")

# /metrics has its own guard (FRONTLINE_METRICS, FRONTLINE_METRICS_TOKEN) and is never rate limited.
PUBLIC_PATHS = frozenset(
    {"/healthz", "/readyz", "/metrics", "/docs", "/openapi.json", "/openapi.yaml"}
)
PROBLEM_TYPES = {401: "unauthorized", 403: "forbidden", 429: "rate-limited"}
TITLES = {401: "Unauthorized", 403: "Forbidden", 429: "Too many requests"}


def required_scope(method: str, path: str) -> str:
    """Keys need `admin`; fact reviews need `review`; other writes need `write`; reads and
    GraphQL need `read` (GraphQL mutations check their own scopes)."""
    if path == "/v1/keys" or path.startswith("/v1/keys/"):
        return "admin"
    if method == "POST" and path.startswith("/v1/") and path.endswith("/review"):
        return "review"
    if method in {"GET", "HEAD"} or path == "/graphql":
        return "read"
    return "write"


async def send_error(
    send: Send, path: str, status: int, detail: str, headers: dict[str, str] | None = None
) -> None:
    """problem+json on REST; a GraphQL-shaped error body on /graphql."""
    if path == "/graphql":
        code = {401: "UNAUTHENTICATED", 403: "FORBIDDEN", 429: "RATE_LIMITED"}[status]
        body = orjson.dumps({"errors": [{"message": detail, "extensions": {"code": code}}]})
        media = b"application/json"
    else:
        body = orjson.dumps(
            {
                "type": PROBLEM_BASE + PROBLEM_TYPES[status],
                "title": TITLES[status],
                "status": status,
                "detail": detail,
            }
        )
        media = b"application/problem+json"
    raw = [(b"content-type", media), (b"content-length", str(len(body)).encode())]
    if status == 401:
        raw.append((b"www-authenticate", b'Bearer realm="frontline-facts"'))
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class AccessMiddleware:
    """Runs inside SessionMiddleware (it reads keys with the request's session)."""

    def __init__(self, app: ASGIApp, settings: Settings, limiter: Limiter) -> None:
        self.app = app
        self.settings = settings
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in PUBLIC_PATHS or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        state = scope["state"]
        client = scope.get("client") or ("unknown", 0)
        try:
            principal = await authenticate(
                state["session"], Headers(scope=scope), client[0], self.settings
            )
            principal.require(required_scope(scope["method"], path))
        except AuthError as error:
            await send_error(send, path, error.status, error.detail)
            return
        state["principal"] = principal
        state["limiter"] = self.limiter
        if path != "/graphql":
            # GraphQL is charged by its cost, computed before execution in api/graphql.py.
            decision = await self.charge(principal, 1)
            state["rate_decision"] = decision
            if not decision.allowed:
                metrics.rate_limited("rest")
                await send_error(send, path, 429, _over(decision), decision.headers())
                return
        status = 500

        async def send_with_limits(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                decision: Decision | None = state.get("rate_decision")
                if decision is not None:
                    headers = MutableHeaders(scope=message)
                    for name, value in decision.headers().items():
                        headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, send_with_limits)
        finally:
            if principal.key_id is not None:
                await self.record(state, principal.key_id, status, state.get("graphql_cost", 0))

    async def charge(self, principal: Principal, points: int) -> Decision:
        return await self.limiter.hit(principal.identity, points, principal.limit, principal.window)

    async def record(self, state: dict[str, Any], key_id: int, status: int, cost: int) -> None:
        # Usage gets its own short transaction: never part of (or a failure of) the request.
        try:
            async with state["sessions"]() as session:
                for attempt in range(2):
                    try:
                        async with session.begin():
                            await record_usage(session, key_id, status, cost)
                        break
                    except IntegrityError:
                        # Another request created today's row first; update it instead.
                        if attempt:
                            raise
        except Exception:
            logger.exception("could not record usage for key %s", key_id)


def _over(decision: Decision) -> str:
    return (
        f"rate limit of {decision.limit} per {decision.window}s exceeded; "
        f"retry in {decision.reset_after}s"
    )
