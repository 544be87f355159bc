"""Request ids and structured logs: one JSON line per request, never the key itself."""

import json
import logging

import pytest
from starlette.testclient import TestClient

from api.request_log import JSONFormatter


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    mine = client.get("/healthz", headers={"X-Request-ID": "trace-123.abc"})
    assert mine.headers["X-Request-ID"] == "trace-123.abc"
    unsafe = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert unsafe.headers["X-Request-ID"] != "bad id\twith spaces"
    assert len(unsafe.headers["X-Request-ID"]) == 32
    assert client.get("/nope").headers["X-Request-ID"]  # errors get one too


def test_one_json_line_per_request(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="frontline.request"):
        client.post(
            "/graphql",
            json={"query": "query Timeline { countries(first: 1) { totalCount } }"},
            headers={"X-Request-ID": "req-1", "Authorization": "Bearer ff_sk_notakey"},
        )
        client.post(
            "/graphql",
            json={"query": "query Timeline { countries(first: 1) { totalCount } }"},
            headers={"X-Request-ID": "req-2"},
        )
    records = [r for r in caplog.records if r.name == "frontline.request"]
    first, second = (json.loads(JSONFormatter().format(r)) for r in records[-2:])
    assert first["request_id"] == "req-1" and first["status"] == 401
    assert "ff_sk_notakey" not in json.dumps(first)
    assert second["operation"] == "Timeline" and second["status"] == 200
    assert second["path"] == "/graphql" and second["duration_ms"] >= 0
    assert second["key_id"] is None
