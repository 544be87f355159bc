"""FRONTLINE_SERVER_TIMING=1: each response says how many SQL statements it ran and for how long."""

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import HEADLINE

HEADER = re.compile(r'^db;dur=(\d+\.\d{2});desc="(\d+) queries"$')


@pytest.fixture(scope="module")
def timed(seeded_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=seeded_url, anonymous_rate=(1_000_000, 60), server_timing=True)
    with TestClient(create_app(settings)) as client:
        yield client


def timing(response: object) -> tuple[float, int]:
    match = HEADER.match(response.headers["server-timing"])  # type: ignore[attr-defined]
    assert match is not None, response.headers["server-timing"]  # type: ignore[attr-defined]
    return float(match[1]), int(match[2])


def test_headline_reports_its_statements(timed: TestClient) -> None:
    response = timed.post("/graphql", json={"query": HEADLINE})
    assert response.status_code == 200
    duration, statements = timing(response)
    assert 1 <= statements <= 6
    assert duration > 0


def test_rest_detail_and_a_304_report_theirs(timed: TestClient) -> None:
    response = timed.get("/v1/countries/GB")
    assert response.status_code == 200
    _, statements = timing(response)
    assert statements >= 2  # the data version for the ETag, then the country
    again = timed.get("/v1/countries/GB", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert timing(again)[1] == 1  # only the data version


def test_requests_count_separately(timed: TestClient) -> None:
    first = timing(timed.get("/v1/countries/GB"))[1]
    assert timing(timed.get("/v1/countries/GB"))[1] == first


def test_off_by_default(client: TestClient) -> None:
    assert "server-timing" not in client.get("/v1/countries/GB").headers
    assert Settings.from_env({"FRONTLINE_SERVER_TIMING": "1"}).server_timing is True
