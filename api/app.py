"""The ASGI application factory."""

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Route
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from api import errors, metrics
from api.access import AccessMiddleware
from api.body_limit import BodyLimitMiddleware
from api.conditional import ConditionalGetMiddleware
from api.cors import CORSMiddleware, SecurityHeadersMiddleware
from api.env_file import load_env_file
from api.graphql import FrontlineGraphQL
from api.middleware import SessionMiddleware
from api.ratelimit import make_limiter
from api.request_log import JSONFormatter, RequestLogMiddleware
from api.response_cache import make_response_cache
from api.routes import rest_routes
from api.server_timing import ServerTimingMiddleware, instrument
from api.settings import Settings
from api.unavailable import DatabaseUnavailableMiddleware
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
    if settings is None:
        load_env_file()
        settings = Settings.from_env()
    configure_logging(settings.log_level)
    pool = {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout,
    }

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        engine = create_engine(settings.database_url, **pool)
        replica = None
        if settings.database_replica_url:
            replica = create_engine(settings.database_replica_url, **pool)
        if settings.server_timing:
            instrument(engine)
            if replica is not None:
                instrument(replica)
        app.state.engine = engine
        try:
            yield {
                "engine": engine,
                "replica": replica,
                "sessions": session_factory(engine, replica),
                "read_sessions": session_factory(reader(engine), replica),
                "settings": settings,
                "limiter": limiter,
            }
        finally:
            await limiter.close()
            if cache is not None:
                await cache.close()
            await engine.dispose()
            if replica is not None:
                await replica.dispose()
            metrics.process_exiting()

    limiter = make_limiter(settings.redis_url)
    cache = make_response_cache(settings.response_cache, settings.redis_url, settings.database_url)
    graphql = FrontlineGraphQL(
        graphiql=settings.graphiql,
        max_page_size=settings.max_page_size,
        limits=settings.graphql_limits,
        cache=cache,
    )
    timing = [Middleware(ServerTimingMiddleware)] if settings.server_timing else []
    routes = [
        *rest_routes(),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/metrics", metrics.metrics, methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            # Only a trusted proxy may say who the client is (rate limits and logs use it).
            Middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies)),
            Middleware(RequestLogMiddleware),
            *timing,
            Middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes),
            Middleware(SecurityHeadersMiddleware),
            Middleware(DatabaseUnavailableMiddleware),
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
