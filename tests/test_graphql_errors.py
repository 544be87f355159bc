"""Errors follow the GraphQL-over-HTTP spec; unexpected failures are masked and logged."""

import logging
from typing import Any

import pytest
from starlette.testclient import TestClient

from db.queries import countries

GQL_RESPONSE = "application/graphql-response+json"


def post(client: TestClient, body: Any, accept: str = "application/json", **kw: Any) -> Any:
    return client.post("/graphql", json=body, headers={"accept": accept}, **kw)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("{ policyDecisions(", "Syntax Error"),
        ("{ nope }", "Cannot query field 'nope'"),
        ("{ policyDecisions(first: 1) { edges { node { action(x: 1) } } } }", "Unknown argument"),
        ("{ policyDecisions(orderBy: SIDEWAYS) { totalCount } }", "SIDEWAYS"),
    ],
)
def test_bad_documents(client: TestClient, query: str, message: str) -> None:
    legacy = post(client, {"query": query})
    assert legacy.status_code == 200
    assert message in legacy.json()["errors"][0]["message"]
    assert legacy.json()["data"] is None
    modern = post(client, {"query": query}, accept=GQL_RESPONSE)
    assert modern.status_code == 400
    assert modern.headers["content-type"].startswith(GQL_RESPONSE)
    assert message in modern.json()["errors"][0]["message"]


def test_bad_variable_value(client: TestClient) -> None:
    body = {
        "query": "query($n: Int!) { countries(first: $n) { totalCount } }",
        "variables": {"n": "x"},
    }
    response = post(client, body, accept=GQL_RESPONSE)
    assert response.status_code == 400
    assert "Variable '$n'" in response.json()["errors"][0]["message"]


def test_field_errors_keep_200_and_path(client: TestClient) -> None:
    response = post(
        client, {"query": '{ countries(after: "junk") { totalCount } }'}, accept=GQL_RESPONSE
    )
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["path"] == ["countries"]
    assert "invalid `after` cursor" in error["message"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"content": b"not json", "headers": {"content-type": "application/json"}}, 400),
        ({"json": {"nope": 1}}, 400),
        ({"json": {"query": "{ countries { totalCount } }", "operationName": "X"}}, 400),
        ({"content": b"x", "headers": {"content-type": "text/plain"}}, 415),
    ],
)
def test_malformed_requests_are_4xx_with_a_graphql_body(
    client: TestClient, kwargs: dict[str, Any], status: int
) -> None:
    response = client.post("/graphql", **kwargs)
    assert 400 <= response.status_code < 500
    assert response.json()["errors"][0]["message"]


def test_get_cannot_run_mutations_or_junk(client: TestClient) -> None:
    response = client.get("/graphql", params={"query": "{ countries(first: 1) { totalCount } }"})
    assert response.json()["data"]["countries"]["totalCount"] == 249
    assert client.get("/graphql", params={"query": "mutation { x }"}).json()["errors"]


def test_unexpected_exceptions_are_masked_and_logged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*args: Any) -> Any:
        raise RuntimeError("secret internals: SELECT * FROM users")

    monkeypatch.setattr(countries, "countries_query", explode)
    with caplog.at_level(logging.ERROR, logger="frontline.graphql"):
        response = post(client, {"query": "{ countries { totalCount } }"})
    text = response.text
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == "Unexpected error."
    assert "secret" not in text and "Traceback" not in text
    assert "secret internals" in caplog.text


def test_nul_characters_in_variables_are_a_400(client: TestClient) -> None:
    query = "query($n: String) { people(filter: {name: $n}) { totalCount } }"
    response = post(client, {"query": query, "variables": {"n": "a\x00"}})
    assert response.status_code == 400
    assert "NUL" in response.json()["errors"][0]["message"]
