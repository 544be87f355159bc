"""ASGI middleware: one database session per HTTP request, closed when it ends."""

from starlette.types import ASGIApp, Receive, Scope, Send

from db.replica import mark_read_only


class SessionMiddleware:
    """Opens `scope["state"]["session"]` from the lifespan's session factory."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope["state"]
        # GET and HEAD only read: their statements need no transaction (db.engine.read_only).
        reads = scope["method"] in {"GET", "HEAD"} and "read_sessions" in state
        session = state["read_sessions" if reads else "sessions"]()
        scope["state"]["session"] = session
        if scope["method"] in {"GET", "HEAD"}:
            # Reads may use the read replica (GraphQL over GET cannot run mutations); POSTed
            # GraphQL queries are marked in api/graphql.py once the operation is known.
            mark_read_only(session)
        try:
            await self.app(scope, receive, send)
        finally:
            # Reads never commit; closing returns the connection to the pool.
            await session.close()
