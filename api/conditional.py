"""ETags from the data version on every /v1 GET; If-None-Match answers 304 without a query."""

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db.queries.dataset_version import get_data_version

CACHE_CONTROL = "public, max-age=60, must-revalidate"


class ConditionalGetMiddleware:
    """Every write bumps the data version, so an ETag holds exactly as long as the data."""

    def __init__(self, app: ASGIApp, prefix: str = "/v1/") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == "/v1/keys" or scope["path"].startswith("/v1/keys/"):
            # Keys are private and not part of the data version: no ETag and no `public`
            # Cache-Control, so shared caches never store them (RFC 9111 3.5, Authorization).
            await self.app(scope, receive, send)
            return
        if scope["method"] not in {"GET", "HEAD"} or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        version = await get_data_version(scope["state"]["session"])
        variant = "|".join(
            [
                scope["path"],
                scope.get("query_string", b"").decode("latin-1"),
                headers.get("accept", ""),
            ]
        )
        etag = f'W/"{version}-{hashlib.sha256(variant.encode()).hexdigest()[:16]}"'
        wanted = [t.strip() for t in headers.get("if-none-match", "").split(",") if t.strip()]
        if etag in wanted:
            # The ETag covers path, query, Accept and data version: this exact request answered
            # 200 before and the data has not changed since, so nothing needs to run.
            await _send_not_modified(send, etag)
            return
        # `*` means "any current representation": only a request that would succeed qualifies,
        # so the app runs and a 200 is turned into a 304 (errors pass through untouched).
        any_match = "*" in wanted
        suppressed = False

        async def send_with_etag(message: Message) -> None:
            nonlocal suppressed
            if message["type"] == "http.response.start" and message["status"] == 200:
                if any_match:
                    suppressed = True
                    await _send_not_modified(send, etag)
                    return
                response_headers = MutableHeaders(scope=message)
                response_headers["ETag"] = etag
                response_headers["Cache-Control"] = CACHE_CONTROL
                response_headers["Vary"] = "Accept"
            if suppressed:
                return
            await send(message)

        await self.app(scope, receive, send_with_etag)


async def _send_not_modified(send: Send, etag: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 304,
            "headers": [
                (b"etag", etag.encode()),
                (b"cache-control", CACHE_CONTROL.encode()),
                (b"vary", b"Accept"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
