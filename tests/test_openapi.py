"""The REST contract names exactly the routes the app serves."""

import pathlib

import yaml
from starlette.routing import Route
from starlette.testclient import TestClient

SPEC = pathlib.Path(__file__).resolve().parents[1] / "openapi" / "openapi.yaml"


def test_every_route_is_in_the_spec_and_back(client: TestClient) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    served = {
        (route.path, method.lower())
        for route in client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, Route)
        for method in (route.methods or set()) - {"HEAD"}
    }
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    documented = {(p, m) for p, m in documented if m in {"get", "post", "put", "patch", "delete"}}
    assert served == documented
