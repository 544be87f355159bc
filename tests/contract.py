"""The REST contract in tests: every response a test gets is checked against openapi.yaml.

`ContractClient` makes requests like the `client` fixture (a Starlette TestClient) and checks
each response with `Contract.check`: the request's path and method must name an operation of
the spec (or the spec's `x-unmatched` answers: 404 for a path no template matches, 405 for a
method a listed path does not take, and the 401/403/429 of access control, which answers
before routing); the status code and content type must be documented for
it; JSON bodies must validate against the documented schema (JSON Schema 2020-12, `$ref`s
resolved inside the whole spec); NDJSON lines against the `x-itemSchema` of the media type;
a CSV header row must equal the documented `x-csv-header`; required response headers must be
present and every documented header must match its schema. HEAD requests are checked against
the GET operation, without a body.
"""

import csv
import io
import json
import pathlib
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

import httpx2
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match, relevance
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

SPEC_PATH = pathlib.Path(__file__).resolve().parents[1] / "openapi" / "openapi.yaml"
# The whole spec is one JSON Schema resource, so `$ref: "#/components/..."` resolves in it.
SPEC_URI = "urn:frontline-facts:openapi"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
# Headers that are part of the contract: sending one the spec does not document is drift.
# `Vary` is not among them: CORS adds `Vary: Origin` to every answer, errors included; CORS
# (`Access-Control-*`) and security headers are described once in the overview, not per answer.
CONTRACT_HEADERS = ("etag", "cache-control", "link", "allow")
MAX_ERRORS = 5
JSON = Mapping[str, Any]


class ContractViolation(AssertionError):
    """A response that openapi.yaml does not allow."""


def escape(token: str) -> str:
    """One JSON Pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}/]+\})", template)
    pattern = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{pattern}$")


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Contract:
    """The operations of an OpenAPI 3.1 document, and a checker for responses against them."""

    def __init__(self, spec: JSON) -> None:
        self.spec = spec
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        # Literal paths before templated ones, so `/v1/export` wins over `/v1/{anything}`.
        self.templates = sorted(spec["paths"], key=lambda t: (t.count("{"), t))
        self._regexes = {t: _template_regex(t) for t in self.templates}
        self._validators: dict[str, Draft202012Validator] = {}

    @classmethod
    def load(cls, path: pathlib.Path = SPEC_PATH) -> "Contract":
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    # -- finding things in the spec -------------------------------------------------------

    def at(self, pointer: str) -> Any:
        """The node at a JSON Pointer into the spec."""
        node: Any = self.spec
        for token in pointer.split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local `$ref`s; returns the node and the pointer it really lives at."""
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"only local references are supported, got {ref!r}")
            pointer = ref[1:]
            node = self.at(pointer)
        return node, pointer

    def match(self, path: str) -> str | None:
        """The path template a request path matches, if any."""
        return next((t for t in self.templates if self._regexes[t].match(path)), None)

    def operations(self, template: str) -> dict[str, JSON]:
        """method -> operation object, for one path template."""
        item = self.spec["paths"][template]
        return {m: op for m, op in item.items() if m in HTTP_METHODS}

    def validator(self, pointer: str) -> Draft202012Validator:
        """A validator for the schema at `pointer` (cached)."""
        if pointer not in self._validators:
            schema = {"$ref": f"{SPEC_URI}#{quote(pointer, safe='/~')}"}
            self._validators[pointer] = Draft202012Validator(
                schema,
                registry=self.registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
        return self._validators[pointer]

    def errors(self, pointer: str, instance: Any) -> list[str]:
        """Readable reasons why `instance` does not match the schema at `pointer`."""
        found: Iterable[ValidationError] = self.validator(pointer).iter_errors(instance)
        ranked = sorted(found, key=relevance, reverse=True)
        lines = []
        for error in ranked[:MAX_ERRORS]:
            deepest = best_match([error]) or error
            lines.append(f"at {deepest.json_path}: {_short(deepest.message)}")
        if len(ranked) > MAX_ERRORS:
            lines.append(f"... and {len(ranked) - MAX_ERRORS} more")
        return lines

    # -- checking a response ----------------------------------------------------------------

    def check(self, response: httpx2.Response) -> None:
        """Raise ContractViolation when the response is not one the spec documents."""
        request = response.request
        method = request.method.lower()
        status = response.status_code
        where = f"{request.method} {request.url.raw_path.decode('ascii')} answered {status}"
        template = self.match(request.url.path)
        operations = self.operations(template) if template is not None else {}
        op_method = "get" if method == "head" and "head" not in operations else method
        access = self.spec["x-unmatched"].get("access", {})
        if (template is None or op_method not in operations) and str(status) in access:
            # Access control answers before routing: 401, 403 or 429 for any path or method.
            pointer = f"/x-unmatched/access/{status}"
            documented, pointer = self.resolve(access[str(status)], pointer)
            self._check_response(where, response, documented, pointer, head=method == "head")
            return
        if template is None:
            # A path no template matches: the router's 404, documented once in `x-unmatched`.
            documented, pointer = self.resolve(
                self.spec["x-unmatched"]["path"], "/x-unmatched/path"
            )
            self._expect_status(where, status, 404, "a path the spec does not list")
            self._check_response(where, response, documented, pointer, head=method == "head")
            return
        if op_method not in operations:
            documented, pointer = self.resolve(
                self.spec["x-unmatched"]["method"], "/x-unmatched/method"
            )
            self._expect_status(where, status, 405, f"a method {template} does not list")
            self._check_response(where, response, documented, pointer, head=method == "head")
            return
        op_pointer = f"/paths/{escape(template)}/{op_method}"
        responses = operations[op_method].get("responses", {})
        key = next(
            (k for k in (str(status), f"{status // 100}XX", "default") if k in responses), None
        )
        if key is None:
            raise ContractViolation(
                f"{where}: status {status} is not documented for {op_method.upper()} {template} "
                f"(documented: {', '.join(responses)})\n  body: {_short(response.text)}"
            )
        documented, pointer = self.resolve(responses[key], f"{op_pointer}/responses/{key}")
        self._check_response(where, response, documented, pointer, head=method == "head")

    @staticmethod
    def _expect_status(where: str, status: int, expected: int, what: str) -> None:
        if status != expected:
            raise ContractViolation(
                f"{where}: {what} must answer {expected} (see `x-unmatched` in openapi.yaml)"
            )

    def _check_response(
        self, where: str, response: httpx2.Response, documented: JSON, pointer: str, head: bool
    ) -> None:
        problems = self._header_problems(response, documented, pointer)
        content: JSON = documented.get("content", {})
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not content:
            if response.content:
                problems.append(
                    f"the contract documents no body, got {len(response.content)} bytes"
                )
        elif media not in content:
            problems.append(
                f"content type {media or '(none)'!r} is not documented "
                f"(documented: {', '.join(content)})"
            )
        elif not head:
            media_pointer = f"{pointer}/content/{escape(media)}"
            problems += self._body_problems(response, content[media], media, media_pointer)
        if problems:
            raise ContractViolation(
                f"{where} ({media or 'no body'}), documented at #{pointer}:\n  "
                + "\n  ".join(problems)
            )

    def _header_problems(
        self, response: httpx2.Response, documented: JSON, pointer: str
    ) -> list[str]:
        problems = []
        headers: JSON = documented.get("headers", {})
        for name, header in headers.items():
            header, header_pointer = self.resolve(header, f"{pointer}/headers/{escape(name)}")
            value = response.headers.get(name)
            if value is None:
                if header.get("required"):
                    problems.append(f"required header {name} is missing")
                continue
            if "schema" in header:
                for reason in self.errors(f"{header_pointer}/schema", value):
                    problems.append(f"header {name}: {value!r} {reason}")
        named = {n.lower() for n in headers}
        for name in CONTRACT_HEADERS:
            if name in response.headers and name not in named:
                problems.append(f"sends header {name} ({response.headers[name]!r}), not documented")
        return problems

    def _body_problems(
        self, response: httpx2.Response, media_type: JSON, media: str, pointer: str
    ) -> list[str]:
        if media in {"application/json", "application/yaml"} or media.endswith("+json"):
            try:
                body = (yaml.safe_load if media.endswith("yaml") else json.loads)(response.content)
            except (ValueError, yaml.YAMLError) as error:
                return [f"body does not parse as {media}: {error}"]
            return [f"body {reason}" for reason in self.errors(f"{pointer}/schema", body)]
        if "x-itemSchema" in media_type:
            return self._ndjson_problems(response.content, f"{pointer}/x-itemSchema")
        if "x-csv-header" in media_type:
            return self._csv_problems(response.content, list(media_type["x-csv-header"]))
        return []

    def _ndjson_problems(self, body: bytes, item_pointer: str) -> list[str]:
        text = body.decode("utf-8")
        if text and not text.endswith("\n"):
            return ["NDJSON body does not end with a newline"]
        problems = []
        for number, line in enumerate(text.split("\n")[:-1], start=1):
            try:
                item = json.loads(line)
            except ValueError as error:
                problems.append(f"line {number} is not JSON: {error}")
                continue
            problems += [f"line {number} {reason}" for reason in self.errors(item_pointer, item)]
            if len(problems) >= MAX_ERRORS:
                break
        return problems

    @staticmethod
    def _csv_problems(body: bytes, header: list[str]) -> list[str]:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
        if not rows:
            return ["CSV body has no header row"]
        if rows[0] != header:
            missing = [c for c in header if c not in rows[0]]
            extra = [c for c in rows[0] if c not in header]
            return [
                f"CSV header row differs from x-csv-header\n    sent:       {rows[0]}\n"
                f"    documented: {header}\n    missing: {missing}, undocumented: {extra}"
            ]
        return [
            f"CSV row {number} has {len(row)} cells, the header has {len(header)}"
            for number, row in enumerate(rows[1:], start=2)
            if len(row) != len(header)
        ][:MAX_ERRORS]


class ContractClient:
    """Calls like the TestClient it wraps; every response is checked against the contract."""

    def __init__(self, client: TestClient, contract: Contract) -> None:
        self.client = client
        self.contract = contract

    def request(self, method: str, url: str, **kwargs: Any) -> httpx2.Response:
        response = self.client.request(method, url, **kwargs)
        self.contract.check(response)
        return response

    def get(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("GET", url, **kwargs)

    def head(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("HEAD", url, **kwargs)

    def options(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("OPTIONS", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx2.Response:
        return self.request("DELETE", url, **kwargs)
