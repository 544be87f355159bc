"""Prometheus metrics: requests, latency, the database pool, rate limits; served with ingestion's.

Labels are bounded: REST requests are labelled by route template (`/v1/articles/{id}`, never
the raw path), GraphQL requests by operation name, of which each process keeps the first
`MAX_OPERATIONS` well-formed names it sees ("anonymous" without a name, "other" past the cap).
With several worker processes, `frontline serve` sets PROMETHEUS_MULTIPROC_DIR and every
process writes its samples there, so one scrape of any worker sees the sum of all of them.
The ingestion counters live in ingest/metrics.py (ingest/ imports nothing from the web layer).
"""

import hmac
import os
import re
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Scope

from api.errors import problem

MAX_OPERATIONS = 100
_OPERATION_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_operations: set[str] = set()

REQUEST_LABELS = ("method", "route", "operation", "status")
REQUESTS = Counter(
    "frontline_http_requests_total",
    "HTTP requests answered, by route template or GraphQL operation, and status.",
    REQUEST_LABELS,
)
LATENCY = Histogram(
    "frontline_http_request_duration_seconds",
    "Time to answer an HTTP request (until the handler returns; streams included).",
    REQUEST_LABELS,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
POOL = Gauge(
    "frontline_db_pool_connections",
    "Database pool connections of the live processes: size, checked_out, overflow.",
    ["state"],
    multiprocess_mode="livesum",
)
RATE_LIMITED = Counter(
    "frontline_rate_limit_rejections_total",
    "Requests refused with 429 by the rate limit, by API (rest, graphql).",
    ["api"],
)
RATE_LIMIT_BACKEND_ERRORS = Counter(
    "frontline_rate_limit_backend_errors_total",
    "Rate-limit checks that could not reach Redis and were counted in process memory instead.",
)


def operation_label(name: str | None) -> str:
    """A bounded label for a caller-chosen GraphQL operation name."""
    if not name:
        return "anonymous"
    if name in _operations:
        return name
    if not _OPERATION_NAME.match(name) or len(_operations) >= MAX_OPERATIONS:
        return "other"
    _operations.add(name)
    return name


def route_label(scope: Scope) -> str:
    """The template of the route that matched (`/v1/people/{id}`), or `unmatched`."""
    app = scope.get("app")
    for route in getattr(getattr(app, "router", None), "routes", ()):
        match, _ = route.matches(scope)
        if match != Match.NONE:
            return str(getattr(route, "path", "unmatched"))
    return "unmatched"


def observe_request(
    method: str, route: str, operation: str | None, status: int, seconds: float
) -> None:
    labels = (method, route, operation_label(operation) if route == "/graphql" else "", str(status))
    REQUESTS.labels(*labels).inc()
    LATENCY.labels(*labels).observe(seconds)


def observe_pool(engine: AsyncEngine | None) -> None:
    """Copy the pool's counters into the gauges (pools without them, e.g. NullPool, are skipped)."""
    pool: Any = getattr(getattr(engine, "sync_engine", None), "pool", None)
    if pool is None or not hasattr(pool, "checkedout"):
        return
    POOL.labels("size").set(pool.size())
    POOL.labels("checked_out").set(pool.checkedout())
    POOL.labels("overflow").set(max(0, pool.overflow()))


def rate_limited(api: str) -> None:
    RATE_LIMITED.labels(api).inc()


def rate_limit_backend_error() -> None:
    RATE_LIMIT_BACKEND_ERRORS.inc()


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def process_exiting() -> None:
    """Drop this process's live gauges from the shared directory (multi-process mode)."""
    directory = multiprocess_dir()
    if directory is not None:
        multiprocess.mark_process_dead(os.getpid(), directory)


def exposition() -> bytes:
    """The text exposition of every metric (of every live worker in multi-process mode)."""
    if multiprocess_dir() is None:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return generate_latest(registry)


async def metrics(request: Request) -> Response:
    """GET /metrics: Prometheus text format; off, public, or behind a bearer token."""
    settings = request.state.settings
    if not settings.metrics:
        return problem(404, f"no route matches {request.url.path}")
    if settings.metrics_token is not None:
        offered = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(offered.encode(), settings.metrics_token.encode()):
            response = problem(
                401, "/metrics needs `Authorization: Bearer <FRONTLINE_METRICS_TOKEN>`"
            )
            response.headers["WWW-Authenticate"] = 'Bearer realm="frontline-metrics"'
            return response
    observe_pool(request.state.engine)
    return Response(exposition(), media_type=CONTENT_TYPE_LATEST)
