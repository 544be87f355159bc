"""CORS from settings and from publishable keys' origins; security headers on every response."""

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db.queries.api_keys import active_origins

ALLOW_HEADERS = "Authorization, X-API-Key, Content-Type, If-None-Match, Accept"
EXPOSE_HEADERS = "ETag, Link, RateLimit, RateLimit-Policy, Retry-After"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Data responses run no scripts at all; /docs only needs its inline style.
CSP_DATA = "default-src 'none'; frame-ancestors 'none'"
CSP_DOCS = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


class CORSMiddleware:
    """Runs inside SessionMiddleware: publishable keys' origins are read per request."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...]) -> None:
        self.app = app
        self.origins = frozenset(o.rstrip("/") for o in origins)

    async def allowed(self, scope: Scope, origin: str) -> bool:
        if "*" in self.origins or origin in self.origins:
            return True
        return origin in await active_origins(scope["state"]["session"])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = (headers.get("origin") or "").rstrip("/")
        allowed = bool(origin) and await self.allowed(scope, origin)
        if scope["method"] == "OPTIONS" and headers.get("access-control-request-method"):
            status = 204 if allowed else 403
            raw = [(b"vary", b"Origin")]
            if allowed:
                raw += [
                    (b"access-control-allow-origin", origin.encode()),
                    (b"access-control-allow-methods", b"GET, POST, DELETE, OPTIONS"),
                    (b"access-control-allow-headers", ALLOW_HEADERS.encode()),
                    (b"access-control-max-age", b"600"),
                ]
            await send({"type": "http.response.start", "status": status, "headers": raw})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                if allowed:
                    out["Access-Control-Allow-Origin"] = origin
                    out["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
                out.add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_with_cors)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    out.setdefault(name, value)
                content_type = out.get("content-type", "")
                # GraphiQL is an HTML page that loads its own scripts: no CSP there.
                if path == "/docs":
                    out.setdefault("Content-Security-Policy", CSP_DOCS)
                elif not content_type.startswith("text/html"):
                    out.setdefault("Content-Security-Policy", CSP_DATA)
            await send(message)

        await self.app(scope, receive, send_with_headers)
