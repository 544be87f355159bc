"""A PostgreSQL outage: 503 with a reason meanwhile, and recovery without a restart.

Runs in the PostgreSQL run of the suite (DATABASE_URL=postgresql://...), on a private cluster
this test starts and stops itself: the shared server other tests use is never touched.
"""

import asyncio
import time
from collections.abc import Callable, Iterator

import psycopg
import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from db import migrate
from tests.conftest import _postgres_url, load
from tests.contract import Contract, ContractClient
from tests.pg_cluster import PrivateCluster, unavailable_reason
from tests.server import free_port

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(_postgres_url() is None, reason="PostgreSQL run only (DATABASE_URL)"),
    pytest.mark.skipif(unavailable_reason() is not None, reason=str(unavailable_reason())),
]
QUERY = {"query": "query Count { articles(first: 1) { totalCount } }"}


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    cluster = PrivateCluster(free_port())
    cluster.start()
    yield cluster
    cluster.remove()


@pytest.fixture(scope="module")
def url(cluster: PrivateCluster) -> str:
    with psycopg.connect(f"{cluster.url}/postgres", autocommit=True) as connection:
        connection.execute("CREATE DATABASE frontline")
    url = f"{cluster.url}/frontline"
    migrate.upgrade(url)
    asyncio.run(load(url))
    return url


def _until(check: Callable[[], bool], seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds}s")


def test_database_outage_answers_503_and_recovers_by_itself(
    cluster: PrivateCluster, url: str
) -> None:
    settings = Settings(database_url=url, anonymous_rate=(1_000_000, 60))
    with TestClient(create_app(settings)) as client:
        api = ContractClient(client, Contract.load())
        assert api.get("/readyz").status_code == 200
        assert api.get("/v1/articles").status_code == 200  # the pool holds live connections

        cluster.stop()
        ready = api.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"]["database"].startswith("unreachable")
        assert "database" in ready.json()["reason"]
        for path in ("/v1/articles", "/v1/people/antony-blinken"):
            down = api.get(path)
            assert down.status_code == 503, down.text
            assert down.headers["content-type"] == "application/problem+json"
            assert down.headers["Retry-After"] == "5"
            assert down.json()["type"].endswith("/unavailable")
        graphql = client.post("/graphql", json=QUERY)
        assert graphql.status_code == 503
        assert graphql.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        assert client.get("/healthz").status_code == 200  # alive: do not restart it

        cluster.start()
        # No restart of the app: the pool pings each connection and replaces the dead ones.
        took = _until(lambda: api.get("/readyz").status_code == 200, 10)
        assert api.get("/v1/articles").status_code == 200
        answer = client.post("/graphql", json=QUERY)
        assert answer.status_code == 200 and answer.json()["data"]["articles"]["totalCount"] == 5
        assert took < 10
        print(f"recovered {took:.2f}s after PostgreSQL accepted connections again")
