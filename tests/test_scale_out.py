"""Scale-out: trusted proxies name the client, Redis outages fail open, reads on a replica."""

import asyncio
import json
import logging

import pytest
from prometheus_client import REGISTRY
from starlette.testclient import TestClient

from api import key_admin
from api.app import create_app
from api.request_log import JSONFormatter
from api.settings import Settings
from db import migrate
from db.engine import create_engine, session_factory
from tests.conftest import Databases
from tests.contract import Contract, ContractClient

PROXY = ("10.1.2.3", 40000)  # the load balancer, as the app sees it


def test_a_trusted_proxy_names_the_client_for_limits_and_logs(
    seeded_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        database_url=seeded_url, anonymous_rate=(2, 60), trusted_proxies=("10.0.0.0/8",)
    )
    with TestClient(create_app(settings), client=PROXY) as client:
        alice = {"X-Forwarded-For": "203.0.113.9"}
        bob = {"X-Forwarded-For": "198.51.100.7, 10.9.9.9"}  # via a second trusted hop
        with caplog.at_level(logging.INFO, logger="frontline.request"):
            assert client.get("/v1/countries/GB", headers=alice).status_code == 200
            assert client.get("/v1/countries/GB", headers=alice).status_code == 200
            assert client.get("/v1/countries/GB", headers=alice).status_code == 429
            assert client.get("/v1/countries/GB", headers=bob).status_code == 200
        logged = [json.loads(JSONFormatter().format(r)) for r in caplog.records[-4:]]
        assert [line["client"] for line in logged] == ["203.0.113.9"] * 3 + ["198.51.100.7"]


def test_forwarded_for_is_ignored_from_untrusted_peers(seeded_url: str) -> None:
    settings = Settings(database_url=seeded_url, anonymous_rate=(2, 60))
    with TestClient(create_app(settings), client=PROXY) as client:
        for forwarded, status in [("203.0.113.1", 200), ("203.0.113.2", 200), ("203.0.113.3", 429)]:
            # A client cannot dodge its limit by making up addresses.
            response = client.get("/v1/countries/GB", headers={"X-Forwarded-For": forwarded})
            assert response.status_code == status


def test_redis_down_fails_open_to_per_process_limits(
    seeded_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    before = REGISTRY.get_sample_value("frontline_rate_limit_backend_errors_total") or 0.0
    settings = Settings(
        database_url=seeded_url, anonymous_rate=(2, 60), redis_url="redis://127.0.0.1:1/0"
    )
    with (
        caplog.at_level(logging.WARNING, logger="frontline.ratelimit"),
        TestClient(create_app(settings)) as client,
    ):
        api = ContractClient(client, Contract.load())
        first = api.get("/v1/countries/GB")
        assert first.status_code == 200 and first.headers["RateLimit"]
        assert api.get("/v1/countries/GB").status_code == 200
        assert api.get("/v1/countries/GB").status_code == 429  # still limited, per process
        graphql = client.post("/graphql", json={"query": "{ countries(first: 1) { totalCount } }"})
        assert graphql.status_code == 429
    assert (REGISTRY.get_sample_value("frontline_rate_limit_backend_errors_total") or 0) >= (
        before + 4
    )
    warnings = [r for r in caplog.records if r.name == "frontline.ratelimit"]
    assert len(warnings) == 1 and "Redis unreachable" in warnings[0].getMessage()


async def _admin_key(url: str) -> str:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            request = key_admin.KeyRequest(name="ops", scopes=("read", "admin"))
            _, plaintext = await key_admin.create(session, request, (600, 60))
            return plaintext
    finally:
        await engine.dispose()


def test_reads_go_to_the_replica_and_keys_to_the_primary(
    databases: Databases, seeded_url: str
) -> None:
    # Two databases stand in for a primary and its replica; they differ on purpose so that
    # every answer shows which one it came from. The primary has no articles, the replica 5.
    primary = databases.new()
    migrate.upgrade(primary)
    key = asyncio.run(_admin_key(primary))  # exists on the primary only
    settings = Settings(
        database_url=primary, database_replica_url=seeded_url, anonymous_rate=(1000, 60)
    )
    with TestClient(create_app(settings)) as client:
        api = ContractClient(client, Contract.load())
        assert len(api.get("/v1/articles").json()["items"]) == 5
        query = {"query": "query Count { articles(first: 1) { totalCount } }"}
        assert client.post("/graphql", json=query).json()["data"]["articles"]["totalCount"] == 5
        # Keys are read from the primary, even by a GET: a revocation must not wait for lag.
        auth = {"Authorization": f"Bearer {key}"}
        listed = api.get("/v1/keys", headers=auth)
        assert listed.status_code == 200 and [k["name"] for k in listed.json()["items"]] == ["ops"]
        # A mutation writes to the primary.
        created = client.post(
            "/graphql",
            json={"query": 'mutation { createApiKey(input: {name: "new"}) { key } }'},
            headers=auth,
        )
        assert "errors" not in created.json(), created.json()
        assert len(api.get("/v1/keys", headers=auth).json()["items"]) == 2
        ready = api.get("/readyz").json()
        assert ready["checks"]["replica"] == "ok"


def test_redis_down_is_a_response_cache_miss_not_an_error(seeded_url: str) -> None:
    settings = Settings(
        database_url=seeded_url,
        anonymous_rate=(1000, 60),
        redis_url="redis://127.0.0.1:1/0",
        response_cache="redis",
    )
    query = {"query": "query Count { articles(first: 1) { totalCount } }"}
    with TestClient(create_app(settings)) as client:
        for _ in range(2):
            answer = client.post("/graphql", json=query)
            assert answer.status_code == 200, answer.text
            assert answer.json()["data"]["articles"]["totalCount"] == 5
