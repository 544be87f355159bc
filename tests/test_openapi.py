"""The REST contract: openapi.yaml names exactly what the app serves, and every answer fits it."""

import asyncio
import importlib
import json
import pkgutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx2
import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from starlette.routing import Route
from starlette.testclient import TestClient

import api.endpoints
from api import key_admin
from api.app import create_app
from api.listing import MAX_LIMIT, MEDIA, ListSpec, csv_header
from api.settings import Settings
from db import migrate
from db.engine import create_engine, session_factory
from tests.conftest import Databases
from tests.contract import Contract, ContractClient, ContractViolation, escape


def list_specs() -> dict[str, ListSpec]:
    """Every ListSpec an endpoint module declares, by list name (the path after /v1/)."""
    found: dict[str, ListSpec] = {}
    for info in pkgutil.iter_modules(api.endpoints.__path__):
        module = importlib.import_module(f"api.endpoints.{info.name}")
        for value in vars(module).values():
            if isinstance(value, ListSpec):
                found[value.name] = value
    return found


CONTRACT = Contract.load()
SPEC: dict[str, Any] = dict(CONTRACT.spec)
LIST_SPECS = list_specs()
LIST_PATHS = sorted(f"/v1/{name}" for name in LIST_SPECS)
DETAIL_PATHS = [f"{path}/{{id}}" for path in LIST_PATHS]


def query_parameters(template: str) -> dict[str, dict[str, Any]]:
    """The documented query parameters of GET `template`, by name, `$ref`s resolved."""
    operation = SPEC["paths"][template]["get"]
    pointer = f"/paths/{escape(template)}/get/parameters"
    params = {}
    for index, param in enumerate(operation.get("parameters", [])):
        param, _ = CONTRACT.resolve(param, f"{pointer}/{index}")
        if param["in"] == "query":
            params[param["name"]] = param
    return params


def enum_of(param: dict[str, Any]) -> list[str] | None:
    """The documented values of a parameter (of its items, for a list), if enumerated."""
    schema, _ = CONTRACT.resolve(param["schema"], "")
    if schema.get("type") == "array":
        schema, _ = CONTRACT.resolve(schema["items"], "")
    values = schema.get("enum")
    return list(values) if values is not None else None


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, node) below `node`."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


# -- the document ----------------------------------------------------------------------------


def test_spec_is_valid_openapi_3_1() -> None:
    validate(SPEC, cls=OpenAPIV31SpecValidator)


def test_every_route_is_in_the_spec_and_back(client: TestClient) -> None:
    served = {
        (route.path, method.lower())
        for route in client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, Route)
        for method in (route.methods or set()) - {"HEAD"}
    }
    documented = {(path, method) for path, ops in SPEC["paths"].items() for method in ops}
    documented = {(p, m) for p, m in documented if m in {"get", "post", "put", "patch", "delete"}}
    assert served == documented


def test_every_documented_list_is_a_list_spec() -> None:
    documented = {p for p in SPEC["paths"] if p.startswith("/v1/") and "{" not in p}
    assert documented == {*LIST_PATHS, "/v1/export", "/v1/keys"}


def test_list_parameters_are_the_list_specs_parameters() -> None:
    for path in LIST_PATHS:
        spec = LIST_SPECS[path.removeprefix("/v1/")]
        declared = spec.params()
        documented = query_parameters(path)
        assert set(documented) == set(declared), path
        for param_name, param in documented.items():
            schema, _ = CONTRACT.resolve(param["schema"], "")
            many = schema.get("type") == "array"
            assert many == declared[param_name].many, f"{path} {param_name}: list or single?"
            if many:
                assert (param.get("style"), param.get("explode")) == ("form", False), param_name
            values = enum_of(param)
            if values is not None:
                for value in values:  # every documented value is one the route accepts
                    declared[param_name].parse(value)
        assert enum_of(documented["sort"]) == list(spec.sorts), path
        assert enum_of(documented["format"]) == list(MEDIA), path
        assert documented["limit"]["schema"]["maximum"] == MAX_LIMIT, path
        for param_name, declared_param in declared.items():
            expects = declared_param.expects
            if "list of: " in expects:  # choices: the documented enum is the whole set
                accepted = expects.split("list of: ")[1].split(", ")
                assert enum_of(documented[param_name]) == accepted, f"{path} {param_name}"


def test_detail_routes_take_only_format() -> None:
    for path in DETAIL_PATHS:
        assert set(query_parameters(path)) == {"format"}, path
        assert enum_of(query_parameters(path)["format"]) == ["json"], path


def test_csv_headers_are_the_list_specs_columns() -> None:
    for path in LIST_PATHS:
        media = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["text/csv"]
        columns = LIST_SPECS[path.removeprefix("/v1/")].csv_columns
        assert media["x-csv-header"] == csv_header(columns), path


def test_v1_operations_document_every_answer() -> None:
    """What the redocly `operation-4xx-response` rule would check, and more (see redocly.yaml)."""
    for path in LIST_PATHS + DETAIL_PATHS:
        operation = SPEC["paths"][path]["get"]
        expected = {"200", "304", "400", "401", "403", "406", "422", "429", "500", "503"}
        if path in DETAIL_PATHS:
            expected.add("404")
        assert set(operation["responses"]) == expected, path
        ok = operation["responses"]["200"]
        assert {"ETag", "Cache-Control", "Vary", "RateLimit-Policy", "RateLimit"} <= set(
            ok["headers"]
        ), path
        if path in LIST_PATHS:
            assert set(ok["content"]) == {"application/json", "text/csv", "application/x-ndjson"}
            assert "Link" in ok["headers"], path
            assert ok["content"]["application/json"].get("examples"), f"{path}: no example"
    export = SPEC["paths"]["/v1/export"]["get"]["responses"]
    assert set(export) == {"200", "304", "400", "401", "403", "422", "429", "500", "503"}


def test_access_answers_are_documented_everywhere_they_can_happen() -> None:
    """Access control guards every /v1 operation and /graphql: 401, 403 and 429 each time."""
    for path, item in SPEC["paths"].items():
        if not (path.startswith("/v1/") or path == "/graphql"):
            continue
        for method, operation in item.items():
            responses = operation["responses"]
            for status, name in (("401", "Unauthorized"), ("403", "Forbidden"),
                                 ("429", "RateLimited")):  # fmt: skip
                assert responses[status] == {"$ref": f"#/components/responses/{name}"}, (
                    f"{method.upper()} {path} {status}"
                )
            if path.startswith("/v1/keys"):
                assert operation["security"] == [{"bearerKey": []}, {"apiKeyHeader": []}]
    assert {} in SPEC["security"]  # anonymous reads, unless FRONTLINE_ANONYMOUS=off


def test_operations_and_parameters_are_described() -> None:
    operation_ids = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            for field in ("operationId", "summary", "description", "tags"):
                assert operation.get(field), f"{method.upper()} {path} has no {field}"
            operation_ids.append(operation["operationId"])
            for param in operation.get("parameters", []):
                param, _ = CONTRACT.resolve(param, "")
                assert param.get("description"), f"{method.upper()} {path}: {param['name']}"
    assert len(operation_ids) == len(set(operation_ids))


def test_schemas_are_closed_and_every_property_is_described() -> None:
    """`additionalProperties: false` everywhere, so a field the app adds is caught as drift."""
    for pointer, node in walk(SPEC["components"]["schemas"], "/components/schemas"):
        if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
            continue
        mixin = pointer.endswith("Fields") or "/allOf/" in pointer
        closed = node.get("additionalProperties") is False
        assert closed or mixin, f"{pointer} does not set additionalProperties: false"
        for name, prop in node["properties"].items():
            target, _ = CONTRACT.resolve(prop, "")
            assert prop.get("description") or target.get("description"), f"{pointer}.{name}"
    for name, schema in SPEC["components"]["schemas"].items():
        assert schema.get("description"), f"schema {name} has no description"
        if "allOf" in schema:
            assert schema.get("unevaluatedProperties") is False, name


def test_examples_fit_their_schemas() -> None:
    """Redocly checks JSON examples too; CSV and NDJSON ones only here."""
    for pointer, node in walk(SPEC):
        if not (isinstance(node, dict) and pointer.split("/")[-2:-1] == ["content"]):
            continue
        for example in node.get("examples", {}).values():
            value = example["value"]
            if "x-csv-header" in node:
                assert value.splitlines()[0].split(",") == node["x-csv-header"], pointer
            elif "x-itemSchema" in node:
                for line in value.splitlines():
                    assert not CONTRACT.errors(f"{pointer}/x-itemSchema", json.loads(line))
            elif pointer.endswith("json"):
                assert not CONTRACT.errors(f"{pointer}/schema", value), pointer


# -- every answer the app gives, checked by the `api` fixture ----------------------------------


@pytest.mark.parametrize("path", LIST_PATHS)
def test_every_list_answer_fits_the_contract(api: ContractClient, path: str) -> None:
    page = api.get(path)
    assert page.status_code == 200
    items = page.json()["items"]
    assert api.get(path, params={"format": "csv"}).status_code == 200
    assert api.get(path, params={"format": "ndjson"}).status_code == 200
    assert api.get(path, headers={"accept": "text/csv"}).status_code == 200
    assert api.head(path).status_code == 200

    first = api.get(path, params={"limit": 1})
    assert first.status_code == 200
    next_url = first.json()["next"]
    if next_url is None:
        assert "link" not in first.headers
    else:
        assert first.headers["link"] == f'<{next_url}>; rel="next"'
        parts = urlsplit(next_url)
        assert api.get(f"{parts.path}?{parts.query}").status_code == 200

    etag = page.headers["etag"]
    assert api.get(path, headers={"if-none-match": etag}).status_code == 304
    assert api.get(path, params={"no_such_parameter": "x"}).status_code == 400
    assert api.get(path, params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert api.get(path, params={"cursor": "not-a-cursor"}).status_code == 422
    assert api.get(path, headers={"accept": "text/html"}).status_code == 406

    if items:
        detail = api.get(f"{path}/{items[0]['id']}")
        assert detail.status_code == 200 and detail.json()["id"] == items[0]["id"]
        etag = detail.headers["etag"]
        assert (
            api.get(f"{path}/{items[0]['id']}", headers={"if-none-match": etag}).status_code == 304
        )
    assert api.get(f"{path}/no-such-id").status_code == 404
    assert api.get(f"{path}/no-such-id", params={"format": "csv"}).status_code == 422
    assert api.get(f"{path}/no-such-id", params={"limit": 1}).status_code == 400
    assert api.get(f"{path}/no-such-id", headers={"accept": "text/csv"}).status_code == 406


def test_detail_routes_accept_readable_keys(api: ContractClient) -> None:
    for path in ("/v1/countries/UA", "/v1/countries/ukr", "/v1/people/antony-blinken",
                 "/v1/organizations/nato", "/v1/places/kharkiv-oblast"):  # fmt: skip
        assert api.get(path).status_code == 200, path
    article = api.get("/v1/articles", params={"limit": 1}).json()["items"][0]
    assert api.get(f"/v1/articles/{article['key']}").json()["body"]


def test_health_graphql_and_unmatched_answers_fit_the_contract(api: ContractClient) -> None:
    assert api.get("/healthz").status_code == 200
    query = {"query": "{ countries(first: 1) { totalCount } }"}
    assert api.post("/graphql", json=query).status_code == 200
    assert api.get("/graphql", params=query).status_code == 200
    assert api.get("/graphql", headers={"accept": "text/html"}).status_code == 200
    assert api.post("/graphql", json={}).status_code == 400
    strict = {"accept": "application/graphql-response+json"}
    assert api.post("/graphql", json={"query": "{ nope }"}, headers=strict).status_code == 400
    assert api.get("/v1/no-such-list").status_code == 404
    assert api.get("/v1/articles/a/b").status_code == 404
    # Access control answers before routing: an anonymous POST lacks the `write` scope.
    assert api.post("/v1/articles").status_code == 403
    assert api.delete("/graphql").status_code == 405
    assert api.get("/openapi.json").json()["openapi"] == SPEC["openapi"]
    assert api.get("/openapi.yaml").status_code == 200
    assert api.get("/docs").status_code == 200


def test_export_fits_the_contract(api: ContractClient) -> None:
    dump = api.get("/v1/export")
    assert dump.status_code == 200
    assert api.get("/v1/export", params={"format": "zip"}).status_code == 200
    assert api.get("/v1/export", headers={"if-none-match": dump.headers["etag"]}).status_code == 304
    assert api.get("/v1/export", params={"format": "csv"}).status_code == 422
    assert api.get("/v1/export", params={"limit": 1}).status_code == 400


def admin_key(url: str) -> str:
    """The plaintext of a new admin key in the database at `url`, made as the CLI makes it."""

    async def run() -> str:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session, session.begin():
                request = key_admin.KeyRequest(name="contract admin", scopes=("admin",))
                _, plaintext = await key_admin.create(session, request, (600, 60))
                return plaintext
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_keys_and_access_answers_fit_the_contract(databases: Databases) -> None:
    url = databases.new()
    migrate.upgrade(url)
    admin = {"Authorization": f"Bearer {admin_key(url)}"}
    with TestClient(create_app(Settings(database_url=url))) as client:
        api = ContractClient(client, CONTRACT)
        created = api.post(
            "/v1/keys",
            json={"name": "Partner", "scopes": ["read"], "rate": "1/minute", "expires": "90d"},
            headers=admin,
        )
        assert created.status_code == 201
        key = created.json()
        reader = {"X-API-Key": key["key"]}
        assert [k["id"] for k in api.get("/v1/keys", headers=admin).json()["items"]]
        assert api.get("/v1/keys", params={"limit": 1}, headers=admin).status_code == 400
        assert api.post("/v1/keys", content=b"{", headers={
            **admin, "content-type": "application/json"}).status_code == 400  # fmt: skip
        assert api.post("/v1/keys", content=b"x", headers=admin).status_code == 415
        assert api.post("/v1/keys", json={"name": ""}, headers=admin).status_code == 422
        assert api.get("/v1/keys/nope", headers=admin).status_code == 404
        # 401 (problem and GraphQL-shaped), 403 (a read key on an admin route), 429.
        bad = {"Authorization": "Bearer ff_sk_nope"}
        unauthorized = api.get("/v1/keys", headers=bad)
        assert unauthorized.status_code == 401
        assert unauthorized.headers["www-authenticate"].startswith("Bearer")
        query = {"query": "{ countries(first: 1) { totalCount } }"}
        assert api.post("/graphql", json=query, headers=bad).status_code == 401
        assert api.get("/v1/keys", headers=reader).status_code == 403
        statuses = [api.get("/v1/countries", headers=reader).status_code for _ in range(3)]
        assert statuses[0] == 200 and 429 in statuses  # 1/minute: a window may turn once
        limited = api.get("/v1/countries", headers=reader)
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
        detail = api.get(f"/v1/keys/{key['id']}", headers=admin)
        assert detail.status_code == 200 and detail.json()["usage"][0]["status_2xx"] >= 1
        rotated = api.post(f"/v1/keys/{key['id']}/rotate", headers=admin)
        assert rotated.status_code == 201 and rotated.json()["key"] != key["key"]
        assert api.post(f"/v1/keys/{key['id']}/rotate", headers=admin).status_code == 422
        revoked = api.delete(f"/v1/keys/{rotated.json()['id']}", headers=admin)
        assert revoked.status_code == 200 and revoked.json()["revoked_at"]
        assert api.get("/v1/countries", headers={"X-API-Key": key["key"]}).status_code == 401


# -- the checker itself catches drift ----------------------------------------------------------


def fake(status: int, url: str, body: bytes, media: str, **headers: str) -> httpx2.Response:
    request = httpx2.Request("GET", f"http://testserver{url}")
    return httpx2.Response(
        status, headers={"content-type": media, **headers}, content=body, request=request
    )


CACHING = {
    "etag": 'W/"1-0123456789abcdef"',
    "cache-control": "public, max-age=60, must-revalidate",
    "vary": "Accept",
}


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (
            fake(200, "/v1/outlets", b'{"items": [], "next": null, "total": 0}',
                 "application/json", **CACHING),
            "Additional properties are not allowed ('total' was unexpected)",
        ),
        (
            fake(200, "/v1/outlets", b'{"items": [], "next": null}', "application/json"),
            "required header ETag is missing",
        ),
        (
            fake(200, "/v1/outlets", b"id,name\r\n", "text/csv; charset=utf-8", **CACHING),
            "CSV header row differs from x-csv-header",
        ),
        (
            fake(200, "/v1/outlets", b'{"id": 1}\n', "application/x-ndjson", **CACHING),
            "line 1 at $: 'slug' is a required property",
        ),
        (
            fake(200, "/v1/outlets", b"<html>", "text/html", **CACHING),
            "content type 'text/html' is not documented",
        ),
        (
            fake(409, "/v1/outlets", b"{}", "application/problem+json"),
            "status 409 is not documented for GET /v1/outlets",
        ),
        (
            fake(200, "/v1/nope", b"{}", "application/json"),
            "a path the spec does not list must answer 404",
        ),
    ],
)  # fmt: skip
def test_the_contract_catches_drift(response: httpx2.Response, reason: str) -> None:
    with pytest.raises(ContractViolation) as caught:
        CONTRACT.check(response)
    assert reason in str(caught.value)
