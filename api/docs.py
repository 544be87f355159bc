"""The REST contract: served as JSON/YAML and rendered as HTML at /docs (no CDN, no JS)."""

import functools
import html
import os
import pathlib
from typing import Any

import yaml
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from api.listing import JSONResponse


def spec_path() -> pathlib.Path:
    """FRONTLINE_OPENAPI, else openapi/openapi.yaml of the checkout, else ./openapi/."""
    configured = os.environ.get("FRONTLINE_OPENAPI")
    if configured:
        return pathlib.Path(configured)
    beside_code = pathlib.Path(__file__).resolve().parent.parent / "openapi" / "openapi.yaml"
    return beside_code if beside_code.is_file() else pathlib.Path.cwd() / "openapi/openapi.yaml"


@functools.cache
def load_spec() -> dict[str, Any]:
    # The file is part of the release, never changed at run time: read it once per process.
    with spec_path().open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


async def openapi_json(request: Request) -> Response:
    return JSONResponse(load_spec())


async def openapi_yaml(request: Request) -> Response:
    return Response(spec_path().read_bytes(), media_type="application/yaml")


def _e(value: Any) -> str:
    return html.escape(str(value)) if value is not None else ""


def _schema_name(schema: dict[str, Any]) -> str:
    if "oneOf" in schema or "anyOf" in schema:
        return " | ".join(_schema_name(s) for s in schema.get("oneOf") or schema["anyOf"])
    if "$ref" in schema and "/schemas/" in schema["$ref"]:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{_e(name)}">{_e(name)}</a>'
    kind = schema.get("type", "")
    if kind == "array":
        return "array of " + _schema_name(schema.get("items", {}))
    if isinstance(kind, list):
        return " | ".join(_e(k) for k in kind)
    if "enum" in schema:
        return _e(kind) + " (" + ", ".join(_e(v) for v in schema["enum"]) + ")"
    return _e(kind or "any")


def _resolve(node: Any) -> Any:
    """Follow a local `$ref` (parameters and responses are shared through components)."""
    while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/"):
        target: Any = load_spec()
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    parameters = [_resolve(p) for p in op.get("parameters", [])]
    rows = "".join(
        f"<tr><td><code>{_e(p['name'])}</code></td><td>{_e(p['in'])}</td>"
        f"<td>{_schema_name(p.get('schema', {}))}</td><td>{_e(p.get('description'))}</td></tr>"
        for p in parameters
        if "name" in p
    )
    responses = "".join(
        f"<li><b>{_e(code)}</b> {_e(r.get('description'))} "
        f"<small>{_e(', '.join(r.get('content', {})))}</small></li>"
        for code, r in ((c, _resolve(r)) for c, r in op.get("responses", {}).items())
    )
    table = (
        f"<table><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr>{rows}</table>"
        if rows
        else ""
    )
    return (
        f'<section id="{_e(op.get("operationId", path))}"><h3><code>{method.upper()} {_e(path)}'
        f"</code></h3><p>{_e(op.get('summary'))}</p><p>{_e(op.get('description'))}</p>"
        f"{table}<ul>{responses}</ul></section>"
    )


def _schema(name: str, schema: dict[str, Any]) -> str:
    props = "".join(
        f"<tr><td><code>{_e(key)}</code></td><td>{_schema_name(value)}</td>"
        f"<td>{_e(value.get('description'))}</td></tr>"
        for key, value in (schema.get("properties") or {}).items()
    )
    return (
        f'<section id="schema-{_e(name)}"><h3>{_e(name)}</h3><p>{_e(schema.get("description"))}'
        f"</p><table><tr><th>property</th><th>type</th><th>description</th></tr>{props}</table>"
        "</section>"
    )


STYLE = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;"
    "text-align:left;vertical-align:top}section{margin:1.5rem 0}code{background:#f4f4f4}"
)


@functools.cache
def render_docs() -> str:
    spec = load_spec()
    info = spec.get("info", {})
    operations = "".join(
        _operation(path, method, op)
        for path, ops in spec.get("paths", {}).items()
        for method, op in ops.items()
        if isinstance(op, dict) and method in {"get", "post", "put", "patch", "delete"}
    )
    schemas = "".join(
        _schema(name, schema)
        for name, schema in spec.get("components", {}).get("schemas", {}).items()
    )
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{_e(info.get('title'))}"
        f" API</title><style>{STYLE}</style></head><body><h1>{_e(info.get('title'))} "
        f"{_e(info.get('version'))}</h1><p>{_e(info.get('description'))}</p>"
        '<p>Machine-readable: <a href="/openapi.json">openapi.json</a>, '
        '<a href="/openapi.yaml">openapi.yaml</a>.</p>'
        f"<h2>Operations</h2>{operations}<h2>Schemas</h2>{schemas}</body></html>"
    )


async def docs(request: Request) -> Response:
    return HTMLResponse(render_docs())
