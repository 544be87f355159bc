"""`frontline serve` as a real process: graceful shutdown, several workers, production checks."""

import json
import pathlib
import re
import socket
import time

import pytest

from api.cli import main
from db import migrate
from tests.conftest import Databases
from tests.server import BIN, ROOT, Server, get

QUERY = json.dumps({"query": "query Slow { countries(first: 1) { totalCount } }"}).encode()


@pytest.fixture(scope="module")
def migrated_url(databases: Databases) -> str:
    url = databases.new()
    migrate.upgrade(url)
    return url


def _read_response(connection: socket.socket) -> tuple[int, bytes]:
    connection.settimeout(15)
    raw = b""
    while chunk := connection.recv(65536):  # the server closes: it is shutting down
        raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def test_sigterm_finishes_in_flight_requests_and_refuses_new_ones(
    migrated_url: str, tmp_path: pathlib.Path
) -> None:
    # The in-flight request is a client that is slow to send its body (a phone on a bad
    # network): the request has reached the app, which is waiting for the rest of the body.
    # Nothing in the app is made slow for the test.
    with Server([str(BIN / "frontline"), "serve"], tmp_path, migrated_url) as server:
        server.wait_ready()
        slow = socket.create_connection(("127.0.0.1", server.port))
        slow.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(QUERY)}\r\n\r\n".encode()
            + QUERY[:12]
        )
        time.sleep(0.5)
        server.process.send_signal(15)
        assert server.refuses_connections(within=5), server.output()
        slow.sendall(QUERY[12:])
        status, body = _read_response(slow)
        assert status == 200, body
        assert json.loads(body)["data"]["countries"]["totalCount"] == 0
        assert server.process.wait(15) == 0, server.output()
        logged = [line for line in server.request_logs() if line["path"] == "/graphql"]
        assert [(line["operation"], line["status"]) for line in logged] == [("Slow", 200)]


def test_two_workers_answer_and_share_their_metrics(
    migrated_url: str, tmp_path: pathlib.Path
) -> None:
    command = [str(BIN / "frontline"), "serve", "--workers", "2"]
    with Server(command, tmp_path, migrated_url) as server:
        server.wait_ready()
        sent = 0
        pids: set[int] = set()
        while len(pids) < 2 and sent < 200:
            assert get(server.base + "/healthz")[0] == 200  # a new connection each time
            sent += 1
            pids = {line["pid"] for line in server.request_logs() if line["path"] == "/healthz"}
        assert len(pids) == 2, f"one worker answered {sent} requests"
        status, text = get(server.base + "/metrics")
        assert status == 200
        # Whichever worker answers the scrape counts the other's requests too.
        counted = re.search(
            rb'frontline_http_requests_total\{method="GET",operation="",'
            rb'route="/healthz",status="200"\} (\d+)',
            text,
        )
        assert counted is not None and int(counted.group(1)) == sent, text.decode()
        assert b'frontline_db_pool_connections{state="size"}' in text
        assert server.terminate() == 0, server.output()


def test_the_container_entry_point_migrates_seeds_serves_and_stops(
    databases: Databases, tmp_path: pathlib.Path
) -> None:
    empty = databases.new()  # never migrated: the entry point's first job
    command = ["sh", str(ROOT / "docker" / "entrypoint.sh")]
    with Server(
        command, tmp_path, empty, FRONTLINE_ENV="production", FRONTLINE_SEED="on"
    ) as server:
        server.wait_ready(timeout=120)
        # exec: the process we started is now the server itself, so signals reach it.
        cmdline = pathlib.Path(f"/proc/{server.process.pid}/cmdline").read_bytes()
        assert b"serve" in cmdline and b"entrypoint" not in cmdline
        status, body = get(server.base + "/readyz")
        assert status == 200 and json.loads(body)["checks"]["migrations"] == "ok"
        status, body = get(server.base + "/v1/articles")
        assert status == 200 and len(json.loads(body)["items"]) == 5
        assert server.terminate() == 0, server.output()


def test_the_entry_point_runs_a_command_instead_when_given_one(
    migrated_url: str, tmp_path: pathlib.Path
) -> None:
    command = ["sh", str(ROOT / "docker" / "entrypoint.sh"), "frontline", "db", "current"]
    with Server(command, tmp_path, migrated_url) as server:
        assert server.process.wait(60) == 0
        assert "current: " in server.output() and "Uvicorn" not in server.output()


def test_production_refuses_to_serve_an_unmigrated_database(
    databases: Databases, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTLINE_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", databases.new())
    assert main(["serve", "--port", "1"]) == 1
    error = capsys.readouterr().err
    assert "frontline db upgrade" in error and "never migrates implicitly" in error


def test_production_needs_an_explicit_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTLINE_ENV", "production")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["serve"]) == 2
    assert "DATABASE_URL must be set" in capsys.readouterr().err


def test_serve_refuses_bad_worker_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err
    assert main(["serve", "--workers", "2", "--reload"]) == 2
