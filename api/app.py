"""The ASGI application factory."""

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Route

from api import errors
from api.access import AccessMiddleware
from api.body_limit import BodyLimitMiddleware
from api.conditional import ConditionalGetMiddleware
from api.cors import CORSMiddleware, SecurityHeadersMiddleware
from api.graphql import FrontlineGraphQL
from api.middleware import SessionMiddleware
from api.ratelimit import make_limiter
from api.request_log import JSONFormatter, RequestLogMiddleware
from api.response_cache import make_response_cache
from api.routes import rest_routes
from api.server_timing import ServerTimingMiddleware, instrument
from api.settings import Settings
from db.engine import create_engine, reader, session_factory


def configure_logging(level: str) -> None:
    """JSON lines on stderr for our loggers (idempotent: tests build many apps)."""
    root = logging.getLogger("frontline")
    root.setLevel(level)
    if not any(isinstance(h.formatter, JSONFormatter) for h in root.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(JSONFormatter())
        root.addHandler(handler)


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the app; the engine is created at start-up and disposed at shutdown."""
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        engine = create_engine(settings.database_url)
        if settings.server_timing:
            instrument(engine)
        app.state.engine = engine
        try:
            yield {
                "engine": engine,
                "sessions": session_factory(engine),
                "read_sessions": session_factory(reader(engine)),
                "settings": settings,
                "limiter": limiter,
            }
        finally:
            await limiter.close()
            if cache is not None:
                await cache.close()
            await engine.dispose()

    limiter = make_limiter(settings.redis_url)
    cache = make_response_cache(settings.response_cache, settings.redis_url, settings.database_url)
    graphql = FrontlineGraphQL(
        graphiql=settings.graphiql,
        max_page_size=settings.max_page_size,
        limits=settings.graphql_limits,
        cache=cache,
    )
    timing = [Middleware(ServerTimingMiddleware)] if settings.server_timing else []
    routes = [*rest_routes(), Route("/graphql", graphql, methods=["GET", "POST"])]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(RequestLogMiddleware),
            *timing,
            Middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes),
            Middleware(SecurityHeadersMiddleware),
            Middleware(SessionMiddleware),
            Middleware(CORSMiddleware, origins=settings.cors_origins),
            Middleware(AccessMiddleware, settings=settings, limiter=limiter),
            Middleware(ConditionalGetMiddleware),
        ],
        exception_handlers={
            HTTPException: errors.http_exception,
            Exception: errors.server_error,
        },
        lifespan=lifespan,
    )
