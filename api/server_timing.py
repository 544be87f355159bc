"""`Server-Timing: db;dur=<ms>;desc="<N> queries"` per response (FRONTLINE_SERVER_TIMING=1)."""

import contextvars
import dataclasses
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclasses.dataclass
class DatabaseTime:
    """SQL statements run and seconds spent in the database for one request."""

    statements: int = 0
    seconds: float = 0.0
    started: list[float] = dataclasses.field(default_factory=list)

    def header(self) -> str:
        return f'db;dur={self.seconds * 1000:.2f};desc="{self.statements} queries"'


# A contextvar, not the scope: SQLAlchemy's events only see the connection, and its greenlets
# run in the request task's context, so this finds the right request's counter.
_current: contextvars.ContextVar[DatabaseTime | None] = contextvars.ContextVar(
    "frontline_db_time", default=None
)


def _before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
    timing = _current.get()
    if timing is not None:
        timing.started.append(time.perf_counter())


def _after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
    timing = _current.get()
    if timing is not None and timing.started:
        timing.seconds += time.perf_counter() - timing.started.pop()
        timing.statements += 1


def instrument(engine: AsyncEngine) -> None:
    """Time every statement the engine runs (for the request that runs it)."""
    event.listen(engine.sync_engine, "before_cursor_execute", _before)
    event.listen(engine.sync_engine, "after_cursor_execute", _after)


class ServerTimingMiddleware:
    """Adds the header when the response starts: a streamed body's later queries are not in it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        timing = DatabaseTime()
        token = _current.set(timing)

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("Server-Timing", timing.header())
            await send(message)

        try:
            await self.app(scope, receive, send_with_timing)
        finally:
            _current.reset(token)
