"""Partner access end to end: keys, scopes, origins, rate limits, usage, CORS, headers."""

import asyncio
import datetime as dt
import os
import time
from collections.abc import Iterator

import pytest
from graphql import parse
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from api import key_admin
from api.ratelimit import MemoryLimiter, RedisLimiter
from db.models import ApiKey
from schema.cost import query_cost
from schema.schema import schema
from tests.conftest import Databases, app_client, seeded_database, with_session
from tests.keys import bearer, make_key

ORIGIN = "https://app.example"


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return seeded_database(databases)


def expire(url: str, public_id: str) -> None:
    async def run(session: AsyncSession) -> None:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        await session.execute(
            update(ApiKey).where(ApiKey.public_id == public_id).values(expires_at=past)
        )

    with_session(url, run)


@pytest.fixture(scope="module")
def http(url: str) -> Iterator[TestClient]:
    with app_client(url) as client:
        yield client


def test_anonymous_reads_by_default_and_keys_required_when_off(url: str, http: TestClient) -> None:
    assert http.get("/v1/countries/GB").status_code == 200
    with app_client(url, anonymous=False) as closed:
        response = closed.get("/v1/countries/GB")
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.headers["content-type"] == "application/problem+json"
        assert closed.get("/healthz").status_code == 200
        key, _ = make_key(url)
        assert closed.get("/v1/countries/GB", headers=bearer(key)).status_code == 200
        assert closed.get("/v1/countries/GB", headers={"X-API-Key": key}).status_code == 200
        graphql = closed.post("/graphql", json={"query": "{ countries { totalCount } }"})
        assert graphql.status_code == 401 and graphql.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-key"},
        {"X-API-Key": "ff_sk_short"},
        {"X-API-Key": "ff_sk_abcdefghij_" + "A" * 32},  # well-formed, unknown
    ],
)
def test_malformed_and_unknown_keys_are_401(http: TestClient, headers: dict[str, str]) -> None:
    response = http.get("/v1/countries/GB", headers=headers)
    assert response.status_code == 401
    assert "key" in response.json()["detail"].lower() or "Bearer" in response.json()["detail"]


def test_a_tampered_secret_is_401(url: str, http: TestClient) -> None:
    key, _ = make_key(url)
    tampered = key[:-1] + ("A" if key[-1] != "A" else "B")
    assert http.get("/v1/countries/GB", headers=bearer(tampered)).status_code == 401


def test_revoked_and_expired_keys_stop_at_once(url: str, http: TestClient) -> None:
    admin, _ = make_key(url, scopes=("admin", "read"))
    key, public_id = make_key(url)
    assert http.get("/v1/countries/GB", headers=bearer(key)).status_code == 200
    assert http.delete(f"/v1/keys/{public_id}", headers=bearer(admin)).status_code == 200
    # A second app (another process) sees it at once: nothing is cached per process.
    with app_client(url) as other:
        revoked = other.get("/v1/countries/GB", headers=bearer(key))
    assert revoked.status_code == 401 and "revoked" in revoked.json()["detail"]
    soon, soon_id = make_key(url, expires="1h")
    assert http.get("/v1/countries/GB", headers=bearer(soon)).status_code == 200
    expire(url, soon_id)
    expired = http.get("/v1/countries/GB", headers=bearer(soon))
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]


def test_publishable_keys_only_from_their_origins(url: str, http: TestClient) -> None:
    key, _ = make_key(url, kind="publishable", origins=(ORIGIN,))
    assert key.startswith("ff_pk_")
    ok = http.get("/v1/countries/GB", headers={**bearer(key), "Origin": ORIGIN})
    assert ok.status_code == 200
    assert ok.headers["Access-Control-Allow-Origin"] == ORIGIN
    for origin in [{"Origin": "https://evil.example"}, {}]:
        response = http.get("/v1/countries/GB", headers={**bearer(key), **origin})
        assert response.status_code == 401
    forbidden = http.get("/v1/keys", headers={**bearer(key), "Origin": ORIGIN})
    assert forbidden.status_code == 403


def test_publishable_keys_cannot_have_write_scopes() -> None:
    with pytest.raises(ValueError, match="read-only"):
        key_admin.validate(
            key_admin.KeyRequest("x", ("read", "write"), "publishable", origins=(ORIGIN,)),
            (600, 60),
        )
    with pytest.raises(ValueError, match="origin"):
        key_admin.validate(key_admin.KeyRequest("x", ("read",), "publishable"), (600, 60))


def test_missing_scope_is_403(url: str, http: TestClient) -> None:
    reader, _ = make_key(url, scopes=("read",))
    response = http.get("/v1/keys", headers=bearer(reader))
    assert response.status_code == 403 and "admin" in response.json()["detail"]
    assert http.get("/v1/keys").status_code == 403  # anonymous
    admin, _ = make_key(url, scopes=("admin",))
    assert http.get("/v1/keys", headers=bearer(admin)).status_code == 200


def test_rate_limit_headers_429_and_recovery(url: str, http: TestClient) -> None:
    key, _ = make_key(url, rate="3/second")
    statuses = []
    for _ in range(4):
        response = http.get("/v1/countries/GB", headers=bearer(key))
        statuses.append(response.status_code)
        assert response.headers["RateLimit-Policy"] == '"default";q=3;w=1'
        assert response.headers["RateLimit"].startswith('"default";r=')
    if statuses != [200, 200, 200, 429]:
        # The one-second window rolled over mid-loop; the next full window must behave.
        time.sleep(1.05)
        statuses = [http.get("/v1/countries/GB", headers=bearer(key)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = http.get("/v1/countries/GB", headers=bearer(key))
    assert limited.status_code == 429
    assert limited.headers["content-type"] == "application/problem+json"
    assert 1 <= int(limited.headers["Retry-After"]) <= 1
    time.sleep(float(limited.headers["Retry-After"]) + 0.05)
    assert http.get("/v1/countries/GB", headers=bearer(key)).status_code == 200


def test_graphql_is_charged_its_cost(url: str, http: TestClient) -> None:
    key, _ = make_key(url, rate="8/minute")
    cheap = http.post(
        "/graphql",
        json={
            "query": "{ rateLimit { limit cost remaining resetAt } "
            "countries(first: 1) { totalCount } }"
        },
        headers=bearer(key),
    )
    assert cheap.status_code == 200, cheap.text
    status = cheap.json()["data"]["rateLimit"]
    assert status["limit"] == 8 and status["cost"] == 1
    assert status["remaining"] == 7
    expensive = (
        "{ "
        + " ".join(
            f"a{i}: countries(first: 100) {{ edges {{ node {{ people {{ name }} }} }} }}"
            for i in range(10)
        )
        + " }"
    )
    cost = query_cost(parse(expensive), None, None, schema=schema._schema)
    assert cost > 7
    response = http.post("/graphql", json={"query": expensive}, headers=bearer(key))
    assert response.status_code == 429
    assert f"costs {cost} points" in response.json()["errors"][0]["message"]
    assert int(response.headers["Retry-After"]) >= 1


def test_usage_is_recorded_per_key(url: str, http: TestClient) -> None:
    admin, _ = make_key(url, scopes=("admin",))
    key, public_id = make_key(url)
    http.get("/v1/countries/GB", headers=bearer(key))
    http.get("/v1/countries/XX", headers=bearer(key))
    http.post(
        "/graphql", json={"query": "{ countries(first: 1) { totalCount } }"}, headers=bearer(key)
    )
    detail = http.get(f"/v1/keys/{public_id}", headers=bearer(admin)).json()
    (today,) = detail["usage"]
    assert today["requests"] == 3
    assert today["status_2xx"] == 2 and today["status_4xx"] == 1
    assert today["graphql_cost"] >= 1
    assert detail["last_used_at"] is not None
    assert "key" not in detail and "secret_hash" not in detail


def test_keys_over_rest(url: str, http: TestClient) -> None:
    admin, _ = make_key(url, scopes=("admin",))
    created = http.post(
        "/v1/keys",
        json={
            "name": "Partner Y",
            "scopes": ["read", "write"],
            "rate": "100/minute",
            "expires": "90d",
        },
        headers=bearer(admin),
    )
    assert created.status_code == 201
    body = created.json()
    assert body["key"].startswith(body["prefix"]) and body["rate"] == "100/minute"
    assert http.get("/v1/countries/GB", headers=bearer(body["key"])).status_code == 200
    listed = http.get("/v1/keys", headers=bearer(admin)).json()["items"]
    assert body["id"] in {k["id"] for k in listed}
    assert all("key" not in k for k in listed)
    rotated = http.post(f"/v1/keys/{body['id']}/rotate", headers=bearer(admin))
    assert rotated.status_code == 201
    assert http.get("/v1/countries/GB", headers=bearer(body["key"])).status_code == 401
    assert http.get("/v1/countries/GB", headers=bearer(rotated.json()["key"])).status_code == 200
    for payload, status in [
        (b"{not json", 400),
        (b'{"name": "x", "scopes": ["root"]}', 422),
        (b'{"name": "", "scopes": ["read"]}', 422),
        (b'{"name": "x", "rate": "lots"}', 422),
        (b'{"name": "x", "surprise": 1}', 422),
        (b"[]", 422),
    ]:
        response = http.post(
            "/v1/keys",
            content=payload,
            headers={**bearer(admin), "content-type": "application/json"},
        )
        assert response.status_code == status, (payload, response.text)
    wrong_type = http.post(
        "/v1/keys", content=b"name=x", headers={**bearer(admin), "content-type": "text/plain"}
    )
    assert wrong_type.status_code == 415
    assert http.delete("/v1/keys/nope", headers=bearer(admin)).status_code == 404


def test_cors_preflight_and_security_headers(url: str) -> None:
    make_key(url, kind="publishable", origins=("https://frontend.example",))
    with app_client(url, cors_origins=("https://configured.example",)) as client:
        for origin in ["https://frontend.example", "https://configured.example"]:
            preflight = client.options(
                "/graphql",
                headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
            )
            assert preflight.status_code == 204
            assert preflight.headers["Access-Control-Allow-Origin"] == origin
            assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
        denied = client.options(
            "/graphql",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        )
        assert denied.status_code == 403
        response = client.get("/v1/countries/GB", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in response.headers
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_memory_limiter_windows() -> None:
    now = [1000.0]
    limiter = MemoryLimiter(clock=lambda: now[0])

    async def run() -> list[bool]:
        results = [(await limiter.hit("k", 1, 2, 60)).allowed for _ in range(3)]
        now[0] += 60
        results.append((await limiter.hit("k", 1, 2, 60)).allowed)
        results.append((await limiter.hit("other", 5, 2, 60)).allowed)
        return results

    assert asyncio.run(run()) == [True, True, False, True, False]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
def test_redis_counters_are_shared_between_processes(url: str) -> None:
    redis_url = os.environ["REDIS_URL"]
    key, _ = make_key(url, rate="4/minute")
    with (
        app_client(url, redis_url=redis_url) as first,
        app_client(url, redis_url=redis_url) as second,
    ):
        statuses = [
            (first if i % 2 else second).get("/v1/countries/GB", headers=bearer(key)).status_code
            for i in range(5)
        ]
    # Two apps (as two processes would) draw from one window of 4.
    assert statuses.count(200) <= 4 and statuses[-1] == 429

    async def shared() -> tuple[bool, bool]:
        a, b = RedisLimiter(redis_url), RedisLimiter(redis_url)
        identity = f"test:{time.time_ns()}"
        try:
            first_hit = await a.hit(identity, 2, 3, 60)
            second_hit = await b.hit(identity, 2, 3, 60)
            return first_hit.allowed, second_hit.allowed
        finally:
            await a.close()
            await b.close()

    assert asyncio.run(shared()) == (True, False)


def test_keys_over_graphql_mutations(url: str, http: TestClient) -> None:
    admin, _ = make_key(url, scopes=("admin", "read"))
    reader, _ = make_key(url)
    create = """mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
        key apiKey { id scopes rate kind } } }"""
    variables = {"input": {"name": "GQL partner", "scopes": ["read"], "rate": "30/minute"}}
    denied = http.post(
        "/graphql", json={"query": create, "variables": variables}, headers=bearer(reader)
    )
    assert "admin" in denied.json()["errors"][0]["message"]
    made = http.post(
        "/graphql", json={"query": create, "variables": variables}, headers=bearer(admin)
    )
    created = made.json()["data"]["createApiKey"]
    assert created["apiKey"]["rate"] == "30/minute"
    new_key, new_id = created["key"], created["apiKey"]["id"]
    assert http.get("/v1/countries/GB", headers=bearer(new_key)).status_code == 200
    rotate = "mutation($id: String!) { rotateApiKey(id: $id) { key apiKey { id } } }"
    rotated = http.post(
        "/graphql", json={"query": rotate, "variables": {"id": new_id}}, headers=bearer(admin)
    ).json()["data"]["rotateApiKey"]
    assert http.get("/v1/countries/GB", headers=bearer(new_key)).status_code == 401
    revoke = "mutation($id: String!) { revokeApiKey(id: $id) { revokedAt } }"
    revoked = http.post(
        "/graphql",
        json={"query": revoke, "variables": {"id": rotated["apiKey"]["id"]}},
        headers=bearer(admin),
    ).json()["data"]["revokeApiKey"]
    assert revoked["revokedAt"] is not None
    assert http.get("/v1/countries/GB", headers=bearer(rotated["key"])).status_code == 401
    listed = http.post(
        "/graphql", json={"query": "{ apiKeys { id usage { requests } } }"}, headers=bearer(admin)
    ).json()["data"]["apiKeys"]
    assert new_id in {k["id"] for k in listed}
    bad = http.post(
        "/graphql",
        json={"query": create, "variables": {"input": {"name": "x", "scopes": ["root"]}}},
        headers=bearer(admin),
    ).json()
    assert "scopes must be" in bad["errors"][0]["message"]


def test_key_routes_refuse_impossible_ids_with_404(url: str, http: TestClient) -> None:
    admin, _ = make_key(url, scopes=("admin",))
    for bad in ["a%00b", "NOT-AN-ID", "x" * 200]:
        assert http.get(f"/v1/keys/{bad}", headers=bearer(admin)).status_code == 404
        assert http.delete(f"/v1/keys/{bad}", headers=bearer(admin)).status_code == 404
