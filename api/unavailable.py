"""503 with Retry-After when the database cannot be reached, instead of a 500 per request."""

import logging
import time

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PROBLEM_BASE
from db.engine import UNAVAILABLE

logger = logging.getLogger("frontline.database")

RETRY_AFTER = 5  # seconds: about the time a restarted PostgreSQL takes to accept connections
LOG_EVERY = 10.0  # seconds: one log line per outage burst, not one per request


class DatabaseUnavailableMiddleware:
    """Answers 503 (problem+json, or a GraphQL error body) when a request fails to reach the
    database before anything was sent. The pool pings each connection before use, so requests
    recover on their own once the database is back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.last_logged = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except UNAVAILABLE as error:
            if started:
                raise  # half an answer is out: only closing the connection can say it failed
            now = time.monotonic()
            if now - self.last_logged > LOG_EVERY:
                self.last_logged = now
                logger.error(
                    "database unavailable: %s", type(getattr(error, "orig", None) or error).__name__
                )
            await _answer(send, scope.get("path", ""))


async def _answer(send: Send, path: str) -> None:
    detail = f"the database is unavailable; retry in {RETRY_AFTER}s"
    if path == "/graphql":
        body = orjson.dumps(
            {"errors": [{"message": detail, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}
        )
        media = b"application/json"
    else:
        body = orjson.dumps(
            {
                "type": PROBLEM_BASE + "unavailable",
                "title": "Service unavailable",
                "status": 503,
                "detail": detail,
            }
        )
        media = b"application/problem+json"
    headers = [
        (b"content-type", media),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(RETRY_AFTER).encode()),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
