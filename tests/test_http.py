"""Plain HTTP behaviour of the app: health, GraphiQL, problem+json for unknown routes."""

from collections.abc import Iterator

from starlette.testclient import TestClient


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_graphiql_on_browser_get(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


def test_unknown_route_is_problem_json(client: TestClient) -> None:
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["type"].endswith("/not-found") and body["detail"]


def test_wrong_method_is_problem_json(client: TestClient) -> None:
    response = client.delete("/graphql")
    assert response.status_code == 405
    assert response.json()["status"] == 405


def test_oversized_body_is_413(client: TestClient) -> None:
    big = b'{"query": "' + b"x" * 1_100_000 + b'"}'
    response = client.post("/graphql", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 413


def test_oversized_chunked_body_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 65536

    response = client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_docs_render_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/v1/policy-decisions" in page.text
    assert "<script" not in page.text and "cdn" not in page.text.lower()
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    assert "openapi: 3.1" in client.get("/openapi.yaml").text


def test_docs_show_shared_parameters_and_responses(client: TestClient) -> None:
    page = client.get("/docs").text
    for text in [
        "<code>date_from</code>",
        "<code>limit</code>",
        "<code>cursor</code>",
        "<b>422</b>",
    ]:
        assert text in page
