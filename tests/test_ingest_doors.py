"""The other two doors of intake: the `ingestArticle` mutation and `frontline ingest`."""

import json
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.cli import main
from api.ingest_command import Progress
from tests.articles import BERLIN, counts, dev_article
from tests.conftest import Databases, app_client, graphql, seeded_database
from tests.keys import key_headers

MUTATION = """
mutation Add($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created
    notes
    article { id title outlet { name } published { value precision } }
    facts { id kind new reviewStatus confidence }
    policyDecisions { id action country { iso2 } evidence { quote start end article { id } } }
  }
}
"""


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return seeded_database(databases)


@pytest.fixture(scope="module")
def http(url: str) -> Iterator[TestClient]:
    with app_client(url) as client:
        yield client


def mutate(http: TestClient, headers: dict[str, str], **fields: Any) -> Any:
    response = graphql(http, MUTATION, {"input": fields}, headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_mutation_adds_once_and_answers_the_same_article(url: str, http: TestClient) -> None:
    writer = key_headers(url, "read", "write")
    body = dev_article("a04_brief_pentagon_singh.txt")
    first = mutate(http, writer, body=body, outlet="Capitol Brief", publishedAt="2024-05-30")
    assert "errors" not in first, first
    added = first["data"]["ingestArticle"]
    assert added["created"] is True
    assert added["article"]["outlet"]["name"] == "Capitol Brief"
    assert added["article"]["published"] == {"value": "2024-05-30", "precision": "DAY"}
    assert added["facts"], added["notes"]
    for decision in added["policyDecisions"]:
        for e in decision["evidence"]:  # every quote of the fact: this article's are exact
            if e["article"]["id"] == added["article"]["id"]:
                assert body[e["start"] : e["end"]] == e["quote"]
    before = counts(url)
    again = mutate(http, writer, body=body)["data"]["ingestArticle"]
    assert again["created"] is False and again["article"]["id"] == added["article"]["id"]
    assert {f["id"] for f in again["facts"]} == {f["id"] for f in added["facts"]}
    assert counts(url) == before


def test_the_mutation_needs_write_and_good_input(url: str, http: TestClient) -> None:
    reader = key_headers(url, "read")
    for headers in ({}, reader):
        refused = mutate(http, headers, body=BERLIN)
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    writer = key_headers(url, "read", "write")
    before = counts(url)
    for fields, field in [
        ({"body": " "}, "body"),
        ({"body": "x", "publishedAt": "May"}, "published_at"),
    ]:
        bad = mutate(http, writer, **fields)
        assert bad["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert counts(url) == before


def test_the_cli_ingests_files_and_folders(
    databases: Databases,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = seeded_database(databases)
    monkeypatch.setenv("DATABASE_URL", url)
    folder = tmp_path / "coverage"
    (folder / "more").mkdir(parents=True)
    (folder / "berlin.txt").write_text(BERLIN, encoding="utf-8")
    spain = dev_article("b11_brief_spain.txt")
    (folder / "more" / "spain.json").write_text(
        json.dumps({"body": spain, "outlet": "Iberia Daily", "published_at": "2024-05-27"}),
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Kyiv, São Paulo".encode("latin-1"))
    (folder / "notes.md").write_text("ignored: not .txt or .json", encoding="utf-8")

    assert main(["ingest", str(folder), "--outlet", "Meridian Wire"]) == 1
    out, err = capsys.readouterr()
    assert "articles: 2 new, 0 existing" in out and "errors: 2" in out
    assert "empty.txt: body is empty" in err and "latin1.txt: body is not valid UTF-8" in err
    assert err.count("\n") >= 4  # one progress line per file when stderr is not a terminal

    before = counts(url)
    good = [str(folder / "berlin.txt"), str(folder / "more")]
    assert main(["ingest", *good]) == 0
    assert "articles: 0 new, 2 existing" in capsys.readouterr().out
    assert counts(url) == before


def test_the_progress_bar_redraws_in_place_on_a_terminal() -> None:
    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def write(self, value: str) -> None:
            self.text += value

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = Progress(2, screen)  # type: ignore[arg-type]
    progress.step(pathlib.Path("a.txt"), "new")
    progress.step(pathlib.Path("b.txt"), "already stored")
    assert screen.text.count("\r") == 2 and screen.text.endswith("already stored\n")
    assert "[############------------] 1/2 a.txt: new" in screen.text
