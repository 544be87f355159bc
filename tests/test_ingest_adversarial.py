"""Hostile and odd input to article intake (REST, GraphQL): a clear 4xx, never a 500, and
nothing stored lost or duplicated; re-posts write nothing; the POST's statements are bounded."""

import asyncio
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from db import models as m
from db.engine import create_engine, session_factory
from ingest import evidence
from ingest.intake import ArticleInput
from ingest.pipeline import ingest_and_commit
from tests.articles import BERLIN, counts, dev_article, every_quote_is_exact
from tests.conftest import (
    UNLIMITED,
    Databases,
    StatementCounter,
    app_client,
    graphql,
    seeded_database,
)
from tests.contract import Contract, ContractClient
from tests.keys import key_headers

GQL_RESPONSE = "application/graphql-response+json"
INGEST = """mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { created article { id } facts { id kind new } }
}"""


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return seeded_database(databases)


@pytest.fixture(scope="module")
def http(url: str) -> Iterator[TestClient]:
    with app_client(url, raise_server_exceptions=False, anonymous_rate=UNLIMITED) as client:
        yield client


@pytest.fixture(scope="module")
def api(http: TestClient) -> ContractClient:
    return ContractClient(http, Contract.load())


@pytest.fixture(scope="module")
def writer(url: str) -> dict[str, str]:
    return key_headers(url, "read", "write")


@pytest.fixture(scope="module")
def stored(api: ContractClient, writer: dict[str, str]) -> dict[str, Any]:
    """BERLIN, stored once with a URL, for the re-post tests."""
    answer = api.post(
        "/v1/articles",
        json={"body": BERLIN, "url": "https://meridian.example/news/berlin-kharkiv?id=7"},
        headers=writer,
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def refused(api: ContractClient, url: str, writer: dict[str, str], content: Any, field: str) -> str:
    """POST `content`: a 422 problem naming `field`, and nothing written; the detail."""
    before = counts(url)
    response = api.post("/v1/articles", json=content, headers=writer)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == field
    assert counts(url) == before
    return str(response.json()["detail"])


@pytest.mark.parametrize(
    "body",
    [
        "Related content\nPhoto: Reuters\nRead more: the other story\n",  # boilerplate only
        "Headline of nothing\nBy Jane Doe\n31 May 2024\n",  # a header without text
        "\u200b\u200c\u200d\u2060",  # zero-width characters only
        "\u200b \n\t\u00ad ...",  # invisible, spaces and punctuation
    ],
)
def test_a_body_without_article_text_is_422(
    api: ContractClient, url: str, writer: dict[str, str], body: str
) -> None:
    # Before: stored under the hash of the empty text, so every such body became one article.
    assert "no" in refused(api, url, writer, {"body": body}, "body")


@pytest.mark.parametrize(
    ("variant", "why"),
    [
        (BERLIN.replace("\n", "\r\n"), "CRLF"),
        (BERLIN.replace(" ", " \u200b", 5), "zero-width spaces"),
        (BERLIN.replace("Germany", "Germ\u00adany", 1), "a soft hyphen"),
        ("Advertisement\n" + BERLIN + "\nRead more: another story\n", "other boilerplate"),
    ],
)
def test_the_same_text_again_is_the_stored_article_and_writes_nothing(
    api: ContractClient,
    url: str,
    writer: dict[str, str],
    stored: dict[str, Any],
    variant: str,
    why: str,
) -> None:
    before = counts(url)
    again = api.post("/v1/articles", json={"body": variant}, headers=writer)
    assert again.status_code == 200, (why, again.text)
    assert again.json()["id"] == stored["id"] and again.json()["created"] is False
    assert counts(url) == before  # no row, and the data version did not move


@pytest.mark.parametrize(
    "variant",
    [
        "HTTPS://Meridian.EXAMPLE/news/berlin-kharkiv?id=7",
        "https://meridian.example:443/news/berlin-kharkiv?id=7",
        "https://meridian.example/news/berlin-kharkiv?id=7#comments",
    ],
)
def test_the_same_url_again_is_the_stored_article(
    api: ContractClient, url: str, writer: dict[str, str], stored: dict[str, Any], variant: str
) -> None:
    before = counts(url)
    again = api.post(
        "/v1/articles", json={"body": "Entirely different words.", "url": variant}, headers=writer
    )
    assert again.status_code == 200, again.text
    assert again.json()["id"] == stored["id"]
    assert again.json()["url"] == "https://meridian.example/news/berlin-kharkiv?id=7"
    assert counts(url) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "not a day in the calendar"),
        ("0000", "not a day in the calendar"),
        ("2024-5", "YYYY-MM"),
        ("2024-05-3", "YYYY-MM"),
        ("9999-12-31", "in the future"),
        ("+2024", "YYYY"),
    ],
)
def test_impossible_or_future_publication_dates_are_422(
    api: ContractClient, url: str, writer: dict[str, str], value: str, message: str
) -> None:
    detail = refused(
        api, url, writer, {"body": f"A text dated {value}.", "published_at": value}, "published_at"
    )
    assert message in detail


def test_publication_dates_keep_their_precision(
    api: ContractClient, writer: dict[str, str]
) -> None:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for value, precision in [("2024", "YEAR"), ("2024-05", "MONTH"), (today, "DAY")]:
        answer = api.post(
            "/v1/articles",
            json={"body": f"Dated text number {value}.", "published_at": f" {value} "},
            headers=writer,
        )
        assert answer.status_code == 201, answer.text
        assert answer.json()["published"]["value"] == value
        assert answer.json()["published"]["precision"] == precision


def test_an_outlet_without_letters_is_422_not_a_shared_outlet(
    api: ContractClient, url: str, writer: dict[str, str]
) -> None:
    # Before: "!!!" and "???" both got the slug `outlet` and became one outlet.
    refused(api, url, writer, {"body": "Outlet test one.", "outlet": "!!!"}, "outlet")
    refused(api, url, writer, {"body": "Outlet test two.", "outlet": "???"}, "outlet")
    refused(api, url, writer, {"body": "Outlet test three.", "outlet": "o" * 201}, "outlet")
    refused(api, url, writer, {"body": "Title test.", "title": "t" * 501}, "title")


@pytest.mark.parametrize("field", ["body", "title", "url", "outlet", "published_at", "language"])
@pytest.mark.parametrize("value", [1, 1.5, True, [], {}, ["x"], {"a": "b"}])
def test_every_field_of_the_wrong_json_type_is_422(
    api: ContractClient, url: str, writer: dict[str, str], field: str, value: Any
) -> None:
    content = {"body": "A text for a type test.", field: value}
    refused(api, url, writer, content, field)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"body": "a lone \\ud800 surrogate"}',
        b'{"body": "invalid \xff utf-8"}',
        b'{"body": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"body": 1e400}',
        b"",
    ],
)
def test_undecodable_json_is_400(
    api: ContractClient, url: str, writer: dict[str, str], raw: bytes
) -> None:
    before = counts(url)
    headers = {**writer, "content-type": "application/json"}
    response = api.post("/v1/articles", content=raw, headers=headers)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert counts(url) == before


def test_long_lines_and_the_size_limit(
    api: ContractClient, url: str, writer: dict[str, str]
) -> None:
    sentence = "Officials in Berlin said on Friday that the talks would go on. "
    body = (sentence * (200_000 // len(sentence) + 1))[:199_990] + " The end."
    assert len(body) <= 200_000 and "\n" not in body  # one line of 200k characters
    answer = api.post("/v1/articles", json={"body": body}, headers=writer)
    assert answer.status_code == 201, answer.text[:300]
    every_quote_is_exact(answer.json())
    assert "limit" in refused(api, url, writer, {"body": "x" * 200_001}, "body")


def test_graphql_wrong_variable_types_are_request_errors(
    http: TestClient, url: str, writer: dict[str, str]
) -> None:
    before = counts(url)
    headers = {**writer, "accept": GQL_RESPONSE}
    for variables in [
        {"input": {"body": 5}},
        {"input": {"body": None}},
        {"input": "text"},
        {"input": {"body": "x", "publishedAt": 2024}},
        {"input": {"body": "x", "unknown": 1}},
        {},
    ]:
        response = graphql(http, INGEST, variables, headers)
        assert response.status_code == 400, (variables, response.text)
        assert "Variable '$input'" in response.json()["errors"][0]["message"]
    for fields, field in [
        ({"body": "\u200b"}, "body"),
        ({"body": "Some text.", "publishedAt": "2024-02-30"}, "published_at"),
        ({"body": "Some text.", "outlet": "!!!"}, "outlet"),
    ]:
        body = graphql(http, INGEST, {"input": fields}, headers).json()
        error = body["errors"][0]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, body
    assert counts(url) == before


def test_different_articles_racing_for_a_new_outlet_and_author_both_land(
    databases: Databases,
) -> None:
    """Before: the loser broke the outlet's unique key and answered 500 (PostgreSQL)."""
    url = seeded_database(databases)
    text = (
        "By Jane Newcomer\n\nGermany allowed Ukraine to use its weapons against Russian "
        "territory near Kharkiv, Chancellor Olaf Scholz said on Friday."
    )

    async def run() -> list[bool]:
        engine = create_engine(url)
        try:
            sessions = session_factory(engine)

            async def one(n: int) -> bool:
                async with sessions() as session:
                    article = ArticleInput(
                        body=f"{text} Report {n}.", outlet="Brand New Wire", published_at="2024-05"
                    )
                    return (await ingest_and_commit(session, article, actor="t")).created

            return list(await asyncio.gather(one(1), one(2)))
        finally:
            await engine.dispose()

    before = counts(url)
    assert asyncio.run(run()) == [True, True]
    after = counts(url)
    assert after["articles"] == before["articles"] + 2
    assert after["outlets"] == before["outlets"] + 1
    assert after["policy_decisions"] - before["policy_decisions"] <= 1  # one fact, two sources


def test_a_quote_that_is_not_the_text_fails_loudly_and_stores_nothing(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = seeded_database(databases)
    real = evidence.EvidenceWriter.add

    async def off_by_one(self: Any, *args: Any, **kwargs: Any) -> list[m.Evidence]:
        rows = await real(self, *args, **kwargs)
        for row in rows:
            row.start += 1  # a bug somewhere between the check and the row
        return rows

    monkeypatch.setattr(evidence.EvidenceWriter, "add", off_by_one)

    async def run() -> None:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session:
                with pytest.raises(evidence.QuoteMismatch):
                    await ingest_and_commit(session, ArticleInput(body=BERLIN), actor="t")
        finally:
            await engine.dispose()

    before = counts(url)
    asyncio.run(run())
    assert counts(url) == before


def test_statements_of_a_post_do_not_grow_with_its_facts(
    http: TestClient, url: str, writer: dict[str, str]
) -> None:
    """Reads are batched: people, merge candidates and evidence are read once per kind, not
    once per fact (was 136 statements for this article, 72 reads among them). Writes are an
    INSERT per new row and one key check per new fact. A re-post reads and writes nothing."""
    counter = StatementCounter()
    engine = http.app.state.engine.sync_engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", counter)
    try:
        body = dev_article("a05_explainer_who_allows.txt")
        first = http.post("/v1/articles", json={"body": body}, headers=writer)
        assert first.status_code == 201, first.text
        assert sum(len(v) for v in first.json()["facts"].values()) >= 10
        posted = list(counter.statements)
        counter.count, counter.statements = 0, []
        again = http.post("/v1/articles", json={"body": body}, headers=writer)
        assert again.status_code == 200
        writes = [s for s in counter.statements if re.match(r"\s*(INSERT|UPDATE|DELETE)", s)]
        assert [s for s in writes if " api_key" not in s] == []  # key usage is not data
        assert counter.count <= 20, counter.statements
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    reads = [s for s in posted if s.lstrip().startswith("SELECT")]
    key_checks = [s for s in reads if re.search(r'WHERE \w+\.("key"|key) = (\?|%\(\w+\)s)', s)]
    assert len(reads) - len(key_checks) <= 20, reads
    assert len(posted) <= 90, "\n".join(re.sub(r"\s+", " ", s)[:60] for s in posted)
