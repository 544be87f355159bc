"""Prometheus metrics: bounded labels, the database pool, rate limits, ingestion; off or guarded."""

import asyncio
import re

import pytest
from prometheus_client import REGISTRY
from starlette.testclient import TestClient

from api import metrics
from api.app import create_app
from api.settings import Settings
from db import migrate
from db.engine import create_engine, session_factory
from ingest.intake import ArticleInput, IntakeError
from ingest.metrics import record_ingest
from ingest.pipeline import ingest_and_commit
from tests.articles import BERLIN
from tests.conftest import Databases
from tests.contract import Contract, ContractClient


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_requests_are_counted_by_route_template_and_operation(api: ContractClient) -> None:
    api.get("/v1/people/antony-blinken")
    api.post("/graphql", json={"query": "query Timeline { countries(first: 1) { totalCount } }"})
    api.post("/graphql", json={"query": "{ countries(first: 1) { totalCount } }"})
    response = api.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'route="/v1/people/{id}",status="200"' in text
    assert "antony-blinken" not in text  # never the raw path: the labels stay bounded
    assert re.search(r'operation="Timeline",route="/graphql",status="200"\} [1-9]', text)
    assert 'operation="anonymous",route="/graphql"' in text
    assert "frontline_http_request_duration_seconds_bucket{" in text
    assert 'frontline_db_pool_connections{state="checked_out"}' in text


def test_operation_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "_operations", set())
    assert metrics.operation_label(None) == "anonymous"
    assert metrics.operation_label("x" * 65) == "other"
    assert metrics.operation_label("Timeline") == "Timeline"
    for index in range(metrics.MAX_OPERATIONS):
        metrics.operation_label(f"Op{index}")
    assert metrics.operation_label("OneTooMany") == "other"
    assert metrics.operation_label("Timeline") == "Timeline"  # known names keep their label


def test_unknown_paths_share_one_label(api: ContractClient) -> None:
    before = sample(
        "frontline_http_requests_total", method="GET", route="unmatched", operation="", status="404"
    )
    api.get("/no/such/page/123")
    api.get("/no/such/page/456")
    after = sample(
        "frontline_http_requests_total", method="GET", route="unmatched", operation="", status="404"
    )
    assert after == before + 2


def test_rate_limit_rejections_are_counted(seeded_url: str) -> None:
    before = sample("frontline_rate_limit_rejections_total", api="rest")
    with TestClient(create_app(Settings(database_url=seeded_url, anonymous_rate=(1, 60)))) as c:
        assert c.get("/v1/countries/GB").status_code == 200
        assert c.get("/v1/countries/GB").status_code == 429
    assert sample("frontline_rate_limit_rejections_total", api="rest") == before + 1


def test_the_ingest_pipeline_counts_articles_and_proposed_facts(databases: Databases) -> None:
    url = databases.new()
    migrate.upgrade(url)

    async def offer(body: str) -> int:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session:
                result = await ingest_and_commit(session, ArticleInput(body=body), actor="test")
                return result.counters.facts_proposed
        finally:
            await engine.dispose()

    def counted() -> tuple[float, ...]:
        results = ("created", "existing", "failed")
        return (
            *(sample("frontline_ingested_articles_total", result=r) for r in results),
            sample("frontline_facts_proposed_total"),
        )

    before = counted()
    proposed = asyncio.run(offer(BERLIN))
    asyncio.run(offer(BERLIN))
    with pytest.raises(IntakeError):
        asyncio.run(offer(" "))
    after = counted()
    assert proposed > 0
    assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 1, proposed]
    with pytest.raises(ValueError, match="ingest result must be one of"):
        record_ingest("maybe")


def test_metrics_can_be_switched_off(seeded_url: str) -> None:
    with TestClient(create_app(Settings(database_url=seeded_url, metrics=False))) as client:
        api = ContractClient(client, Contract.load())
        assert api.get("/metrics").status_code == 404


def test_metrics_behind_a_token(seeded_url: str) -> None:
    token = "scrape-token-0123456789"
    with TestClient(create_app(Settings(database_url=seeded_url, metrics_token=token))) as client:
        api = ContractClient(client, Contract.load())
        assert api.get("/metrics").status_code == 401
        wrong = {"Authorization": "Bearer scrape-token-wrong-0000"}
        assert api.get("/metrics", headers=wrong).status_code == 401
        right = api.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert right.status_code == 200 and "frontline_http_requests_total" in right.text
