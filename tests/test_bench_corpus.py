"""The synthetic benchmark corpus: exact quotes at their offsets, served like any other data."""

import pathlib
from typing import Any

import pytest
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import text
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from bench.corpus import build
from db.engine import async_url
from tests.conftest import HEADLINE, Databases


def _sync_url(url: str) -> str:
    parsed = async_url(url)
    driver = "sqlite" if parsed.get_backend_name() == "sqlite" else "postgresql+psycopg"
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def corpus_url(databases: Databases) -> str:
    url = databases.new()
    assert build(url, 60) == 55  # the five seed articles count
    return url


def rows(url: str, sql: str) -> list[Any]:
    engine = create_sync_engine(_sync_url(url))
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql)).all())
    finally:
        engine.dispose()


def test_every_quote_is_its_article_text_at_its_offsets(corpus_url: str) -> None:
    found = rows(
        corpus_url,
        'SELECT e.quote, e."start", e."end", a.body FROM evidence e '
        "JOIN articles a ON a.id = e.article_id",
    )
    assert len(found) > 55 * 10
    assert any("United Kingdom" in quote or "Germany" in quote for quote, *_ in found)
    for quote, start, end, body in found:
        assert body[start:end] == quote


def test_density_and_idempotence(corpus_url: str) -> None:
    [(articles, decisions, aid)] = rows(
        corpus_url,
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM policy_decisions), "
        "(SELECT COUNT(*) FROM aid_packages)",
    )
    assert articles == 60 and decisions >= 10 and aid >= 10
    assert build(corpus_url, 60) == 0
    assert build(corpus_url, 70) == 10  # grows again without key clashes


def test_the_api_serves_it(corpus_url: str) -> None:
    settings = Settings(database_url=corpus_url, anonymous_rate=(1_000_000, 60))
    with TestClient(create_app(settings)) as client:
        query = HEADLINE.replace("actions: [LIFTED, EASED]", "actions: []")
        body = client.post("/graphql", json={"query": query}).json()
        assert "errors" not in body, body
        decisions = body["data"]["policyDecisions"]
        assert decisions["totalCount"] > 2
        for decision in decisions["edges"]:
            for evidence in decision["node"]["evidence"]:
                article = evidence["article"]
                assert article["body"][evidence["start"] : evidence["end"]] == evidence["quote"]
        listing = client.get("/v1/evidence?limit=100")
        assert listing.status_code == 200


def test_nothing_is_copied_from_the_seed_articles() -> None:
    seeds = pathlib.Path(__file__).resolve().parents[1] / "data" / "seeds"
    bench = pathlib.Path(__file__).resolve().parents[1] / "bench"
    source = "\n".join(path.read_text() for path in sorted(bench.glob("corpus*.py")))
    for seed in seeds.glob("*.txt"):
        for sentence in seed.read_text(encoding="utf-8").split(". "):
            if len(sentence) > 40:
                assert sentence not in source
