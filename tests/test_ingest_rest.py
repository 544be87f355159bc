"""POST /v1/articles end to end: 201 with facts and evidence, idempotent, atomic, 4xx for bad
bodies, the `write` scope required; every answer checked against openapi.yaml."""

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from db.engine import create_engine, session_factory
from ingest.intake import ArticleInput
from ingest.pipeline import ingest_and_commit
from tests.articles import BERLIN, counts, dev_article, every_quote_is_exact, post_article
from tests.conftest import UNLIMITED, Databases, app_client, seeded_database
from tests.contract import Contract, ContractClient
from tests.keys import key_headers


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return seeded_database(databases)


@pytest.fixture(scope="module")
def http(url: str) -> Iterator[TestClient]:
    with app_client(url, anonymous_rate=UNLIMITED, max_article_chars=5000) as client:
        yield client


@pytest.fixture(scope="module")
def api(http: TestClient) -> ContractClient:
    return ContractClient(http, Contract.load())


@pytest.fixture(scope="module")
def writer(url: str) -> dict[str, str]:
    return key_headers(url, "read", "write")


def test_post_stores_the_article_with_its_facts_and_twice_is_once(
    api: ContractClient, url: str, writer: dict[str, str]
) -> None:
    first = post_article(
        api,
        writer,
        body=BERLIN,
        title="Germany lets Kyiv hit back at Russian forces firing on Kharkiv",
        url="https://meridian.example/berlin-kharkiv",
        outlet="Meridian Wire",
        published_at="2024-05-31",
    )
    assert first.status_code == 201, first.text
    article = first.json()
    assert article["created"] is True
    assert first.headers["Location"] == f"/v1/articles/{article['id']}"
    assert article["outlet"]["name"] == "Meridian Wire"
    assert article["published"]["value"] == "2024-05-31"
    assert article["body"] == BERLIN
    decisions = article["facts"]["policy_decisions"]
    assert decisions, article["notes"]
    germany = [d for d in decisions if d["summary"].startswith("Germany")]
    assert germany and all(d["new"] and d["review_status"] == "PROPOSED" for d in germany)
    every_quote_is_exact(article)
    # The article is served like any other, the new decision waits for review.
    assert api.get(f"/v1/articles/{article['id']}").json()["body"] == BERLIN
    proposed = api.get(f"/v1/policy-decisions/{germany[0]['id']}")
    assert proposed.status_code in {200, 404}  # visible or held back until reviewed

    before = counts(url)
    again = post_article(api, writer, body=BERLIN, outlet="Meridian Wire")
    assert again.status_code == 200, again.text
    assert again.json()["id"] == article["id"] and again.json()["created"] is False
    assert again.json()["facts"]["policy_decisions"]
    # The same story with other boilerplate, or the same URL with other text: the same article.
    noisy = "Related content\n" + BERLIN.replace("\n\n", "\n\nPhoto: Reuters\n", 1)
    assert post_article(api, writer, body=noisy).json()["id"] == article["id"]
    other = post_article(
        api, writer, body="A different text.", url="https://meridian.example/berlin-kharkiv"
    )
    assert other.status_code == 200 and other.json()["id"] == article["id"]
    assert counts(url) == before


def test_known_facts_gain_evidence_instead_of_duplicates(
    api: ContractClient, url: str, writer: dict[str, str]
) -> None:
    body = BERLIN.replace("Meridian Wire", "Northern Wire")  # another outlet's copy
    before = counts(url)
    answer = post_article(api, writer, body=body, outlet="Northern Wire", published_at="2024-05-31")
    assert answer.status_code == 201, answer.text
    decisions = answer.json()["facts"]["policy_decisions"]
    merged = [d for d in decisions if not d["new"]]
    assert merged, decisions  # the same decisions, now from a second outlet
    assert all(d["corroboration"]["supporting_outlets"] >= 2 for d in merged)
    after = counts(url)
    assert after["policy_decisions"] == before["policy_decisions"] + sum(
        d["new"] for d in decisions
    )
    assert after["evidence"] > before["evidence"]
    assert after["data_version"] == before["data_version"] + 1
    every_quote_is_exact(answer.json())


@pytest.mark.parametrize(
    ("content", "status", "field"),
    [
        ({"body": ""}, 422, "body"),
        ({"body": "   \n "}, 422, "body"),
        ({"body": "bad \u0000 byte"}, 422, "body"),
        ({"body": "x" * 5001}, 422, "body"),
        ({"body": 42}, 422, "body"),
        ({"body": ["a"]}, 422, "body"),
        ({"title": "no body"}, 422, "body"),
        ({"body": "ok", "published_at": "yesterday"}, 422, "published_at"),
        ({"body": "ok", "language": "???"}, 422, "language"),
        ({"body": "ok", "extra": 1}, 422, "extra"),
        (["body"], 422, "body"),
        (b"\xff\xfe not utf-8", 400, "body"),
        (b"{not json", 400, "body"),
    ],
)
def test_bad_bodies_are_4xx_naming_the_field(
    api: ContractClient, url: str, writer: dict[str, str], content: Any, status: int, field: str
) -> None:
    before = counts(url)
    headers = {**writer, "content-type": "application/json"}
    if isinstance(content, bytes):
        response = api.post("/v1/articles", content=content, headers=headers)
    else:
        response = api.post("/v1/articles", json=content, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == field
    assert counts(url) == before


def test_other_media_types_and_parameters_are_refused(
    api: ContractClient, writer: dict[str, str]
) -> None:
    text_body = api.post(
        "/v1/articles", content=b"hello", headers={**writer, "content-type": "text/plain"}
    )
    assert text_body.status_code == 415
    assert api.post("/v1/articles?dry=1", json={"body": "x"}, headers=writer).status_code == 400


def test_the_write_scope_is_required(api: ContractClient, url: str) -> None:
    assert post_article(api, {}, body=BERLIN).status_code == 403  # anonymous: read only
    reader = key_headers(url, "read")
    assert post_article(api, reader, body=BERLIN).status_code == 403
    assert post_article(api, {"Authorization": "Bearer nope"}, body=BERLIN).status_code == 401


def test_a_failure_mid_pipeline_writes_nothing(databases: Databases) -> None:
    """The database refuses evidence rows (a real trigger): the article, its outlet, people
    and facts, all flushed before, are rolled back with them."""
    url = seeded_database(databases)

    async def run() -> None:
        engine = create_engine(url)
        try:
            async with engine.begin() as conn:
                if engine.dialect.name == "sqlite":
                    await conn.execute(
                        text(
                            "CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence "
                            "BEGIN SELECT RAISE(ABORT, 'evidence refused'); END"
                        )
                    )
                else:
                    await conn.execute(
                        text(
                            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN RAISE EXCEPTION 'evidence refused'; END $$"
                        )
                    )
                    await conn.execute(
                        text(
                            "CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence "
                            "FOR EACH ROW EXECUTE FUNCTION refuse()"
                        )
                    )
            async with session_factory(engine)() as session:
                article = ArticleInput(body=BERLIN, outlet="Brand New Outlet")
                with pytest.raises(Exception, match="evidence refused"):
                    await ingest_and_commit(session, article, actor="test")
        finally:
            await engine.dispose()

    before = counts(url)
    asyncio.run(run())
    assert counts(url) == before


def test_two_identical_posts_racing_store_one_article(databases: Databases) -> None:
    url = seeded_database(databases)
    body = dev_article("b11_brief_spain.txt")

    async def run() -> list[Any]:
        engine = create_engine(url)
        try:
            sessions = session_factory(engine)

            async def one() -> Any:
                async with sessions() as session:
                    result = await ingest_and_commit(session, ArticleInput(body=body), actor="t")
                    return result.created, result.article.key

            return list(await asyncio.gather(one(), one()))
        finally:
            await engine.dispose()

    before = counts(url)
    (created_a, key_a), (created_b, key_b) = asyncio.run(run())
    assert key_a == key_b and sorted([created_a, created_b]) == [False, True]
    assert counts(url)["articles"] == before["articles"] + 1
