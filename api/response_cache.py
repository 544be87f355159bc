"""Whole GraphQL answers cached under the data version: in memory, or in Redis when shared."""

import collections
import hashlib
import json
import logging
import time
from typing import Any, Protocol

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    OperationDefinitionNode,
    OperationType,
)

# Fields whose answer is not a function of the data: the caller's own window, private keys.
PER_CALLER_FIELDS = frozenset({"rateLimit", "apiKeys"})
REDIS_PREFIX = "frontline:response:"
# A version that is no longer current is never read again; the TTL only reclaims the space.
REDIS_TTL_SECONDS = 3600
REDIS_TIMEOUT = 0.5  # seconds: a slow cache must cost less than computing the answer
LOG_EVERY = 30.0
logger = logging.getLogger("frontline.response_cache")


class ResponseCache(Protocol):
    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes) -> None: ...

    async def close(self) -> None: ...


class MemoryCache:
    """Least recently used answers of this process, bounded in bytes."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: collections.OrderedDict[str, bytes] = collections.OrderedDict()

    async def get(self, key: str) -> bytes | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    async def set(self, key: str, value: bytes) -> None:
        if len(value) > self.max_bytes // 4:
            return  # one huge answer would flush everything else
        old = self._entries.pop(key, None)
        self.size += len(value) - (len(old) if old is not None else 0)
        self._entries[key] = value
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= len(evicted)

    async def close(self) -> None:
        self._entries.clear()
        self.size = 0


class RedisCache:
    """Answers shared by every process and replica.

    An unreachable Redis is a cache miss (and a skipped store), never a failed request: the
    answer is computed as if the cache were off, with a log line every 30 s at most.
    """

    def __init__(self, url: str, database_url: str) -> None:
        import redis.asyncio as redis

        self.client: Any = redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        self.last_logged = 0.0
        # Data versions are small counters: two databases sharing one Redis can both be at
        # version 7, so entries are namespaced by the database they were read from.
        database = hashlib.sha256(database_url.encode()).hexdigest()[:12]
        self.prefix = f"{REDIS_PREFIX}{database}:"

    async def get(self, key: str) -> bytes | None:
        from redis.exceptions import ConnectionError, TimeoutError

        try:
            value = await self.client.get(self.prefix + key)
        except (ConnectionError, TimeoutError, OSError) as error:
            self._unreachable(error)
            return None
        return bytes(value) if value is not None else None

    async def set(self, key: str, value: bytes) -> None:
        from redis.exceptions import ConnectionError, TimeoutError

        try:
            await self.client.set(self.prefix + key, value, ex=REDIS_TTL_SECONDS)
        except (ConnectionError, TimeoutError, OSError) as error:
            self._unreachable(error)

    def _unreachable(self, error: Exception) -> None:
        if time.monotonic() - self.last_logged > LOG_EVERY:
            self.last_logged = time.monotonic()
            logger.warning("Redis unreachable (%s): answering without the response cache", error)

    async def close(self) -> None:
        await self.client.aclose()


def make_response_cache(
    kind: str, redis_url: str | None, database_url: str
) -> ResponseCache | None:
    """The cache FRONTLINE_RESPONSE_CACHE asks for (None when off)."""
    if kind == "memory":
        return MemoryCache()
    if kind == "redis" and redis_url:
        return RedisCache(redis_url, database_url)
    return None


def cacheable(document: DocumentNode, operation_name: str | None) -> bool:
    """A query (not a mutation) whose answer depends only on the data and the arguments."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None or _name(o) == operation_name]
    if len(chosen) != 1 or chosen[0].operation != OperationType.QUERY:
        return False
    return not any(
        _names_any(definition, PER_CALLER_FIELDS)
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
    )


def cache_key(
    version: int,
    query: str,
    variables: object,
    operation_name: str | None,
    scopes: frozenset[str],
    variant: str,
) -> str:
    """Everything that changes the answer: data version, document, variables, operation,
    what the caller may see (scopes) and the response variant (media type)."""
    material = json.dumps(
        [version, query, variables, operation_name, sorted(scopes), variant],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return f"{version}:{hashlib.sha256(material.encode()).hexdigest()}"


def _name(operation: OperationDefinitionNode) -> str | None:
    return operation.name.value if operation.name is not None else None


def _names_any(node: Any, names: frozenset[str]) -> bool:
    pending = [node.selection_set]
    while pending:
        selection_set = pending.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode) and selection.name.value in names:
                return True
            pending.append(getattr(selection, "selection_set", None))
    return False
