"""Request ids (X-Request-ID in and out), one structured JSON log line and metrics per request."""

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import metrics

logger = logging.getLogger("frontline.request")
# Accept a caller's id only when it is safe to echo and to log.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any `extra` fields."""

    RESERVED = frozenset(vars(logging.makeLogRecord({})))

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,  # which worker, when several serve one port
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in self.RESERVED})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class RequestLogMiddleware:
    """Outermost: every answer, including early errors, gets an id and a log line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = Headers(scope=scope).get("x-request-id", "")
        request_id = offered if _SAFE_ID.match(offered) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            state = scope.get("state", {})
            principal = state.get("principal")
            seconds = time.perf_counter() - started
            route = metrics.route_label(scope)
            operation = state.get("graphql_operation")
            metrics.observe_request(scope["method"], route, operation, status, seconds)
            metrics.observe_pool(state.get("engine"))
            client = scope.get("client")
            if logger.isEnabledFor(logging.INFO):  # skip building the line when it is not kept
                logger.info(
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={
                        "request_id": request_id,
                        "method": scope["method"],
                        "path": scope["path"],
                        "route": route,
                        "operation": operation,
                        # The peer, or the client a trusted proxy named (FRONTLINE_TRUSTED_PROXIES).
                        "client": client[0] if client else None,
                        "key_id": getattr(principal, "public_id", None),
                        "status": status,
                        "duration_ms": round(seconds * 1000, 2),
                    },
                )
