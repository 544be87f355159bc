"""The logical dump: export, import into a fresh database, export again; CLI, zip and HTTP."""

import asyncio
import csv
import io
import json
import pathlib
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import Message

from api.app import create_app
from api.cli import main
from api.endpoints.export import _TemporaryFileResponse, export_dataset
from api.settings import Settings
from db import migrate
from db.dump import DumpError, dump_tables, iter_dump, load_dump, schema_head
from db.engine import create_engine, session_factory
from db.enums import ReviewAction
from db.models import Topic
from db.queries import reviews
from tests.conftest import HEADLINE, Databases, with_session
from tests.review_facts import PROPOSED_DECISION, review_database

MAIN_TABLES = [
    "countries",
    "country_aliases",
    "topics",
    "people",
    "organizations",
    "places",
    "articles",
    "article_authors",
    "policy_decisions",
    "aid_packages",
    "agreements",
    "agreement_parties",
    "events",
    "person_roles",
    "statements",
    "evidence",
    "dataset_version",
]


async def _dump(url: str) -> bytes:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            return b"".join([line async for line in iter_dump(session)])
    finally:
        await engine.dispose()


async def _load(url: str, lines: Iterable[bytes]) -> Counter[str]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session, session.begin():
            return await load_dump(session, lines)
    finally:
        await engine.dispose()


async def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return {
                table.name: int(await session.scalar(select(func.count()).select_from(table)) or 0)
                for table in dump_tables()
            }
    finally:
        await engine.dispose()


def counts(url: str) -> dict[str, int]:
    return asyncio.run(_counts(url))


def migrated(databases: Databases) -> str:
    url = databases.new()
    migrate.upgrade(url)
    return url


def lines_of(dump: bytes) -> list[bytes]:
    return [line + b"\n" for line in dump.split(b"\n") if line]


@pytest.fixture(scope="module")
def dump(seeded_url: str) -> bytes:
    return asyncio.run(_dump(seeded_url))


@pytest.fixture(scope="module")
def imported_url(databases: Databases, dump: bytes) -> str:
    url = migrated(databases)
    asyncio.run(_load(url, [dump]))
    return url


@pytest.fixture(scope="module")
def empty_url(databases: Databases) -> str:
    """A migrated, empty database every refused import must leave empty."""
    return migrated(databases)


def _client(url: str) -> TestClient:
    app = create_app(Settings(database_url=url))
    if "/v1/export" not in [getattr(route, "path", None) for route in app.routes]:
        app.router.routes.append(Route("/v1/export", export_dataset, methods=["GET"]))
    return TestClient(app)


@pytest.fixture(scope="module")
def http(seeded_url: str) -> Iterator[TestClient]:
    with _client(seeded_url) as client:
        yield client


# -- round trip ---------------------------------------------------------------------------------


def test_round_trip_is_byte_identical(seeded_url: str, dump: bytes, imported_url: str) -> None:
    assert asyncio.run(_dump(imported_url)) == dump
    before, after = counts(seeded_url), counts(imported_url)
    assert before == after
    assert all(before[name] > 0 for name in MAIN_TABLES), before


def test_load_reports_rows_per_table(databases: Databases, seeded_url: str, dump: bytes) -> None:
    # Chunks that cut lines anywhere, as a network stream would.
    chunks = [dump[i : i + 7001] for i in range(0, len(dump), 7001)]
    loaded = asyncio.run(_load(migrated(databases), chunks))
    assert dict(loaded) == counts(seeded_url)


def test_headline_answers_the_same_after_import(seeded_url: str, imported_url: str) -> None:
    answers = []
    for url in (seeded_url, imported_url):
        with _client(url) as client:
            response = client.post("/graphql", json={"query": HEADLINE})
            assert response.status_code == 200 and "errors" not in response.json()
            answers.append(response.json()["data"])
    assert answers[0] == answers[1]
    uk = answers[1]["policyDecisions"]["edges"][0]["node"]
    assert (uk["country"]["iso2"], uk["action"], uk["date"]["value"]) == ("GB", "LIFTED", "2024-05")
    assert uk["evidence"] and all(e["quote"] for e in uk["evidence"])


def test_dump_lines(dump: bytes) -> None:
    header, *rows = [json.loads(line) for line in lines_of(dump)]
    names = [table.name for table in dump_tables()]
    assert header == {
        "format": "frontline-facts-dump",
        "version": 1,
        "schema": schema_head(),
        "tables": names,
    }
    assert "alembic_version" not in names
    seen = [row["table"] for row in rows]
    assert sorted(set(seen), key=names.index) == list(dict.fromkeys(seen)), "tables in order"
    by_table: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_table.setdefault(row["table"], []).append(row["row"])
    for table in dump_tables():
        pk = [column.name for column in table.primary_key.columns]
        keys = [tuple(row[name] for name in pk) for row in by_table.get(table.name, [])]
        assert keys == sorted(keys), table.name
        for row in by_table.get(table.name, []):
            assert list(row) == [column.name for column in table.columns]
    decision = by_table["policy_decisions"][0]
    assert decision["action"] in {"LIFTED", "EASED", "MAINTAINED", "REFUSED", "ADVOCATED"}
    assert isinstance(decision["id"], int) and isinstance(decision["topic_id"], int)
    amounts = [row["amount"] for row in by_table["aid_packages"]]
    assert any(isinstance(amount, str) for amount in amounts)
    assert all(amount is None or isinstance(amount, str) for amount in amounts)
    assert any(row["date_earliest"] for row in by_table["policy_decisions"])
    assert by_table["dataset_version"][0]["updated_at"].endswith("+00:00")


def test_a_row_may_point_at_a_later_row_of_its_own_table(databases: Databases, dump: bytes) -> None:
    # Place 1 gets parent 11: inserted in id order, the parent does not exist yet.
    lines = lines_of(dump)
    index = next(i for i, line in enumerate(lines) if line.startswith(b'{"table":"places"'))
    value = json.loads(lines[index])
    assert value["row"]["id"] == 1 and value["row"]["parent_id"] is None
    value["row"]["parent_id"] = 11
    lines[index] = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    edited = b"".join(lines)
    target = migrated(databases)
    asyncio.run(_load(target, [edited]))
    assert asyncio.run(_dump(target)) == edited


def test_new_rows_get_fresh_ids_after_import(imported_url: str) -> None:
    async def insert_topic() -> tuple[int, int]:
        engine = create_engine(imported_url)
        try:
            async with session_factory(engine)() as session, session.begin():
                highest = int(await session.scalar(select(func.max(Topic.id))) or 0)
                new_id = await session.scalar(
                    insert(Topic).values(key="sequence-check", name="Sequence").returning(Topic.id)
                )
                await session.rollback()
                return highest, int(new_id or 0)
        finally:
            await engine.dispose()

    highest, new_id = asyncio.run(insert_topic())
    assert new_id > highest


# -- the command line ---------------------------------------------------------------------------


def test_cli_round_trip(
    databases: Databases,
    seeded_url: str,
    dump: bytes,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    first, second = tmp_path / "first.ndjson", tmp_path / "second.ndjson"
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    assert main(["export", str(first)]) == 0
    assert capsysbinary.readouterr().out == b""  # nothing but data on stdout
    assert first.read_bytes() == dump
    assert not list(tmp_path.glob("*.partial"))
    assert main(["export"]) == 0
    assert capsysbinary.readouterr().out == dump

    target = migrated(databases)
    monkeypatch.setenv("DATABASE_URL", target)
    assert main(["import", str(first)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "countries: 249" in out and "imported" in out
    assert main(["export", str(second)]) == 0
    assert second.read_bytes() == dump


def test_cli_import_from_stdin(
    databases: Databases, dump: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = migrated(databases)
    monkeypatch.setenv("DATABASE_URL", target)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(dump)))
    assert main(["import", "-"]) == 0
    assert counts(target)["evidence"] > 0


def test_cli_zip_needs_a_path(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    assert main(["export", "--format", "zip"]) == 2
    assert "needs a PATH" in capsys.readouterr().err


# -- refusals: a clear message, nothing written -------------------------------------------------


def _edit(dump: bytes, index: int, change: Any) -> bytes:
    lines = lines_of(dump)
    lines[index] = change(lines[index])
    return b"".join(lines)


def _with_column(line: bytes) -> bytes:
    value = json.loads(line)
    value["row"]["colour"] = "red"
    return json.dumps(value).encode() + b"\n"


def _header(**changes: Any) -> Any:
    def change(line: bytes) -> bytes:
        return json.dumps({**json.loads(line), **changes}).encode() + b"\n"

    return change


def _bad_action(dump: bytes) -> bytes:
    lines = lines_of(dump)
    index = next(i for i, line in enumerate(lines) if line.startswith(b'{"table":"policy_dec'))
    value = json.loads(lines[index])
    value["row"]["action"] = "ABOLISHED"
    lines[index] = json.dumps(value).encode() + b"\n"
    return b"".join(lines)


REFUSALS: list[tuple[str, Any, str]] = [
    ("empty", lambda d: b"", "the dump is empty"),
    ("no header", lambda d: b"".join(lines_of(d)[1:]), "is not a frontline-facts-dump header"),
    ("wrong format", lambda d: _edit(d, 0, _header(format="pg_dump")), "not a frontline"),
    ("wrong version", lambda d: _edit(d, 0, _header(version=2)), "format version 2 is not 1"),
    ("wrong schema", lambda d: _edit(d, 0, _header(schema="0000")), "schema revision '0000'"),
    (
        "unknown table in header",
        lambda d: _edit(d, 0, _header(tables=["countries", "secrets"])),
        "unknown table(s) in the header: secrets",
    ),
    (
        "unknown table in a row",
        lambda d: _edit(d, 1000, lambda line: b'{"table":"secrets","row":{}}\n'),
        "line 1001: unknown table 'secrets'",
    ),
    ("unknown column", lambda d: _edit(d, 5, _with_column), "unknown column(s) of countries"),
    (
        "not JSON",
        lambda d: _edit(d, 1100, lambda line: b"this is not json\n"),
        "line 1101 is not JSON",
    ),
    ("bad enum value", _bad_action, "policy_decisions.action = 'ABOLISHED'"),
]


@pytest.mark.parametrize(
    ("change", "message"), [(c, m) for _, c, m in REFUSALS], ids=[n for n, _, _ in REFUSALS]
)
def test_import_refuses_a_broken_dump(
    empty_url: str, dump: bytes, change: Any, message: str
) -> None:
    with pytest.raises(DumpError) as error:
        asyncio.run(_load(empty_url, [change(dump)]))
    assert message in str(error.value)
    assert set(counts(empty_url).values()) == {0}  # the transaction left nothing behind


def test_cli_import_refuses_with_exit_1_and_writes_nothing(
    empty_url: str,
    dump: bytes,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A bad line after more than a batch of rows: earlier batches were inserted, then undone.
    last = len(lines_of(dump))
    assert last > 1000
    broken = tmp_path / "broken.ndjson"
    broken.write_bytes(_edit(dump, last - 1, lambda line: b"{oops\n"))
    monkeypatch.setenv("DATABASE_URL", empty_url)
    assert main(["import", str(broken)]) == 1
    assert capsys.readouterr().err.startswith(f"error: line {last} is not JSON")
    assert set(counts(empty_url).values()) == {0}


def test_import_refuses_a_database_with_rows(
    imported_url: str,
    dump: bytes,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = counts(imported_url)
    path = tmp_path / "dump.ndjson"
    path.write_bytes(dump)
    monkeypatch.setenv("DATABASE_URL", imported_url)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "already has rows in countries" in err and "empty, migrated database" in err
    assert counts(imported_url) == before


# -- zip of CSVs --------------------------------------------------------------------------------


def _check_zip(data: bytes, expected: dict[str, int]) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in expected)
        for table in dump_tables():
            with archive.open(f"{table.name}.csv") as raw:
                rows = list(csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
            assert rows[0] == [column.name for column in table.columns]
            assert len(rows) - 1 == expected[table.name], table.name
        with archive.open("policy_decisions.csv") as raw:
            decisions = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    assert {d["action"] for d in decisions} >= {"LIFTED", "EASED"}
    assert any(d["organization_id"] == "" for d in decisions)  # null is an empty cell


def test_cli_zip_has_one_csv_per_table(
    seeded_url: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "facts.zip"
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    assert main(["export", str(path), "--format", "zip"]) == 0
    _check_zip(path.read_bytes(), counts(seeded_url))


# -- HTTP ---------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")
def test_http_ndjson_streams_an_importable_dump(
    http: TestClient, databases: Databases, seeded_url: str, dump: bytes
) -> None:
    with http.stream("GET", "/v1/export") as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/x-ndjson"
        assert 'filename="frontline-facts.ndjson"' in response.headers["content-disposition"]
        chunks = list(response.iter_bytes())
    assert b"".join(chunks) == dump
    target = migrated(databases)
    assert dict(asyncio.run(_load(target, chunks))) == counts(seeded_url)


@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")
def test_http_zip_is_a_valid_zip_and_the_temp_file_goes(
    http: TestClient, seeded_url: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    response = http.get("/v1/export", params={"format": "zip"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert 'filename="frontline-facts.zip"' in response.headers["content-disposition"]
    _check_zip(response.content, counts(seeded_url))
    assert not list(tmp_path.glob("frontline-export-*"))


def test_zip_temp_file_goes_even_when_the_client_leaves(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK" * 1000)

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body":
            raise OSError("client went away")

    scope = {"type": "http", "method": "GET", "headers": [], "asgi": {"spec_version": "2.4"}}
    with pytest.raises(OSError):
        asyncio.run(_TemporaryFileResponse(path)(scope, receive, send))
    assert not path.exists()


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ("format=xml", 422, "format"),
        ("bogus=1", 400, "bogus"),
        ("format=zip&format=ndjson", 422, "format"),
    ],
)
def test_http_bad_parameters_are_problems(
    http: TestClient, query: str, status: int, parameter: str
) -> None:
    response = http.get(f"/v1/export?{query}")
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["parameter"] == parameter and parameter in body["detail"]


# -- review status, provenance and history survive the round trip ------------------------------


def test_round_trip_keeps_review_status_provenance_and_history(databases: Databases) -> None:
    url = review_database(databases)

    async def approve(session: Any) -> None:
        row = await reviews.get_fact_for_review(session, "policy_decision", PROPOSED_DECISION)
        request = reviews.ReviewRequest(ReviewAction.APPROVE, "cli", reason="checked “quote”")
        await reviews.review_fact(session, "policy_decision", row, request)

    with_session(url, approve)
    dump = asyncio.run(_dump(url))
    rows = [json.loads(line) for line in lines_of(dump)[1:]]
    (review,) = [r["row"] for r in rows if r["table"] == "fact_reviews"]
    assert review["after"]["review_status"] == "APPROVED" and review["reason"] == "checked “quote”"
    statuses = {r["row"]["review_status"] for r in rows if r["table"] == "policy_decisions"}
    assert statuses == {"CURATED", "APPROVED", "REJECTED"}
    assert any(r["row"].get("extractor") == "review-test" for r in rows if r["table"] == "evidence")

    copy = migrated(databases)
    asyncio.run(_load(copy, [dump]))
    assert asyncio.run(_dump(copy)) == dump
