"""Plain HTTP behaviour of the app: health, GraphiQL, problem+json for unknown routes."""

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
