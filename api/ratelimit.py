"""Fixed-window rate limits: in memory for one process, in Redis when several share the load."""

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

from api import metrics

logger = logging.getLogger("frontline.ratelimit")
REDIS_TIMEOUT = 0.5  # seconds: a slow Redis must not hold every request up
LOG_EVERY = 30.0  # seconds between two "Redis unreachable" log lines


@dataclasses.dataclass(frozen=True)
class Decision:
    """The outcome of charging points against a window."""

    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window resets
    window: int

    def headers(self) -> dict[str, str]:
        """IETF RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers)."""
        headers = {
            "RateLimit-Policy": f'"default";q={self.limit};w={self.window}',
            "RateLimit": f'"default";r={self.remaining};t={self.reset_after}',
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_after)
        return headers


class Limiter(Protocol):
    async def hit(self, identity: str, points: int, limit: int, window: int) -> Decision: ...

    async def close(self) -> None: ...


def _decide(used: int, points: int, limit: int, window: int, now: float) -> Decision:
    reset_after = max(1, int(window - (now % window)))
    allowed = used <= limit
    return Decision(allowed, limit, max(0, limit - used), reset_after, window)


class MemoryLimiter:
    """Counters in this process only (the default: nothing else to run)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self._counts: dict[tuple[str, int, int], int] = {}
        self._lock = asyncio.Lock()

    async def hit(self, identity: str, points: int, limit: int, window: int) -> Decision:
        now = self.clock()
        bucket = int(now // window)
        async with self._lock:
            if len(self._counts) > 100_000:
                # Drop finished windows so memory stays bounded under many identities.
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= int(now // k[2])}
            key = (identity, bucket, window)
            used = self._counts.get(key, 0) + points
            self._counts[key] = used
        return _decide(used, points, limit, window, now)

    async def close(self) -> None:
        return None


class RedisLimiter:
    """Counters in Redis, shared by every process and replica.

    When Redis cannot be reached the limit fails open to this process's own counters (the
    same limits, per process instead of shared) with a log line and a metric, rather than
    refusing every request: an outage of the counters must not become an outage of the API.
    """

    def __init__(self, url: str, clock: Callable[[], float] = time.time) -> None:
        import redis.asyncio as redis

        self.client: Any = redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        self.clock = clock
        self.fallback = MemoryLimiter(clock)
        self.last_logged = 0.0

    async def hit(self, identity: str, points: int, limit: int, window: int) -> Decision:
        from redis.exceptions import ConnectionError, TimeoutError

        now = self.clock()
        key = f"frontline:ratelimit:{identity}:{window}:{int(now // window)}"
        try:
            async with self.client.pipeline(transaction=True) as pipe:
                pipe.incrby(key, points)
                pipe.expire(key, window + 1)
                used, _ = await pipe.execute()
        except (ConnectionError, TimeoutError, OSError) as error:
            metrics.rate_limit_backend_error()
            if time.monotonic() - self.last_logged > LOG_EVERY:
                self.last_logged = time.monotonic()
                logger.warning(
                    "Redis unreachable (%s): rate limits counted per process until it is back",
                    type(error).__name__,
                )
            return await self.fallback.hit(identity, points, limit, window)
        return _decide(int(used), points, limit, window, now)

    async def close(self) -> None:
        await self.client.aclose()


def make_limiter(redis_url: str | None) -> Limiter:
    return RedisLimiter(redis_url) if redis_url else MemoryLimiter()
