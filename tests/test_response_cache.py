"""The GraphQL response cache: hits, invalidation by a write, limits still charged, no leaks."""

import asyncio
import os
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.response_cache import MemoryCache, cache_key
from api.settings import Settings
from db.queries.dataset_version import bump_data_version
from tests.conftest import HEADLINE, Databases, StatementCounter, seeded_database, with_session

SMALL = "{ countries(first: 2) { edges { node { iso2 } } } }"


@pytest.fixture(scope="module")
def fresh_url(databases: Databases) -> str:
    """A database of its own: these tests bump its data version."""
    return seeded_database(databases)


def caches() -> list[str]:
    return ["memory", "redis"] if os.environ.get("REDIS_URL") else ["memory"]


@pytest.fixture(scope="module", params=caches())
def cached(request: pytest.FixtureRequest, fresh_url: str) -> Iterator[TestClient]:
    settings = Settings(
        database_url=fresh_url,
        anonymous_rate=(1_000_000, 60),
        response_cache=request.param,
        redis_url=os.environ.get("REDIS_URL") if request.param == "redis" else None,
    )
    with TestClient(create_app(settings)) as client:
        yield client


def bump(url: str) -> None:
    with_session(url, bump_data_version)


def post(client: TestClient, query: str, **extra: object) -> tuple[str, str, dict[str, object]]:
    response = client.post("/graphql", json={"query": query, **extra})
    assert response.status_code == 200, response.text
    return response.headers["x-cache"], response.headers["etag"], response.json()


def test_second_identical_query_is_a_hit_with_the_same_answer_and_etag(
    cached: TestClient, fresh_url: str
) -> None:
    bump(fresh_url)  # start from a version no other test has cached
    first = post(cached, HEADLINE)
    second = post(cached, HEADLINE)
    assert (first[0], second[0]) == ("miss", "hit")
    assert first[1:] == second[1:]
    assert len(second[2]["data"]["policyDecisions"]["edges"]) == 2  # type: ignore[index]


def test_a_hit_reads_only_the_data_version(cached: TestClient) -> None:
    from sqlalchemy import event

    post(cached, SMALL)
    counter = StatementCounter()
    engine = cached.app.state.engine.sync_engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", counter)
    try:
        assert post(cached, SMALL)[0] == "hit"
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    assert counter.count == 1, counter.statements


def test_a_write_invalidates_every_entry(cached: TestClient, fresh_url: str) -> None:
    post(cached, SMALL)
    before = post(cached, SMALL)
    assert before[0] == "hit"
    bump(fresh_url)
    after = post(cached, SMALL)
    assert after[0] == "miss"
    assert after[1] != before[1]  # the ETag moves with the data version
    assert after[2] == before[2]


def test_variables_and_operation_are_part_of_the_key(cached: TestClient) -> None:
    query = "query Q($n: Int!) { countries(first: $n) { edges { node { iso2 } } } }"
    one = post(cached, query, variables={"n": 1})
    two = post(cached, query, variables={"n": 2})
    assert len(one[2]["data"]["countries"]["edges"]) == 1  # type: ignore[index]
    assert len(two[2]["data"]["countries"]["edges"]) == 2  # type: ignore[index]
    assert one[1] != two[1]
    assert post(cached, query, variables={"n": 1})[0] == "hit"


@pytest.mark.parametrize(
    "query",
    [
        "{ rateLimit { remaining } countries(first: 1) { totalCount } }",
        "fragment R on Query { rateLimit { cost } } { ...R }",
        "{ countries(first: 1000) { totalCount } }",  # an error answer
        "{ nope }",
    ],
)
def test_per_caller_and_failed_answers_are_never_cached(cached: TestClient, query: str) -> None:
    for _ in range(2):
        response = cached.post("/graphql", json={"query": query})
        assert "x-cache" not in response.headers


def test_the_key_covers_what_the_caller_may_see() -> None:
    args = (3, SMALL, None, None)
    read = cache_key(*args, frozenset({"read"}), "application/json")
    review = cache_key(*args, frozenset({"read", "review"}), "application/json")
    other_media = cache_key(*args, frozenset({"read"}), "application/graphql-response+json")
    assert len({read, review, other_media}) == 3
    assert cache_key(4, *args[1:], frozenset({"read"}), "application/json") != read


def test_cached_answers_are_still_rate_limited(fresh_url: str) -> None:
    settings = Settings(database_url=fresh_url, anonymous_rate=(3, 60), response_cache="memory")
    with TestClient(create_app(settings)) as client:
        statuses = []
        for _ in range(5):
            response = client.post("/graphql", json={"query": SMALL})
            statuses.append((response.status_code, response.headers.get("x-cache")))
            assert "ratelimit" in response.headers
        assert statuses[:3] == [(200, "miss"), (200, "hit"), (200, "hit")]
        assert [s for s, _ in statuses[3:]] == [429, 429]


def test_memory_cache_stays_within_its_bytes() -> None:
    async def run() -> None:
        cache = MemoryCache(max_bytes=1000)
        for i in range(20):
            await cache.set(str(i), b"x" * 200)
        assert cache.size <= 1000
        assert await cache.get("0") is None
        assert await cache.get("19") == b"x" * 200
        await cache.set("huge", b"x" * 600)  # over a quarter of the budget: not stored
        assert await cache.get("huge") is None

    asyncio.run(run())


def test_off_by_default() -> None:
    assert Settings.from_env({}).response_cache == "off"
