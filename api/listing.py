"""List and detail responses: strict params, cursor pages, JSON/CSV/NDJSON (streamed)."""

import csv
import dataclasses
import io
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from api.errors import problem
from api.params import Param, ParamError, bounded_int, one_of, parse_params, text
from api.related import Related
from db.queries.pagination import InvalidCursor, Ordering, PageRequest, check_cursor, paginate

JSON = dict[str, Any]
Serialize = Callable[[Related, list[Any]], Awaitable[list[JSON]]]

MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
}
STREAM_CHUNK = 200
MAX_LIMIT = 100


class JSONResponse(Response):
    """Compact JSON via orjson."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class NotAcceptable(Exception):
    """The Accept header names no format this route can produce."""


def negotiate(request: Request, explicit: str | None, formats: Sequence[str]) -> str:
    """`format=` wins; else the first acceptable media type of Accept (by q); else 406."""
    if explicit:
        return explicit
    accept = request.headers.get("accept", "").strip()
    if not accept:
        return formats[0]
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        quality = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    quality = float(option[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, media.lower()))
    for _, _, media in sorted(ranked):
        if media in {"*/*", "application/*"}:
            return formats[0]
        for name in formats:
            if MEDIA[name].split(";")[0] == media:
                return name
    raise NotAcceptable(", ".join(MEDIA[f].split(";")[0] for f in formats))


def pluck(item: Any, path: str) -> str:
    """A CSV cell from a dotted path; `list[].key` joins a list with '; '."""
    head, _, rest = path.partition(".")
    if head.endswith("[]"):
        values = item.get(head[:-2]) or []
        return "; ".join(pluck(v, rest) if rest else _cell(v) for v in values)
    value = item.get(head) if isinstance(item, dict) else None
    if rest:
        return pluck(value, rest) if value is not None else ""
    return _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_header(columns: Sequence[str]) -> list[str]:
    return [c.replace("[]", "").replace(".", "_") for c in columns]


@dataclasses.dataclass(frozen=True)
class ListSpec:
    """What a list route filters, sorts and emits."""

    name: str
    filters: Mapping[str, Param]
    sorts: Mapping[str, Ordering]
    default_sort: str
    query: Callable[[dict[str, Any], str], Select[Any]]
    serialize: Serialize
    csv_columns: Sequence[str]

    def params(self) -> dict[str, Param]:
        return {
            **self.filters,
            "sort": Param(one_of(*self.sorts), expects="one of " + ", ".join(self.sorts)),
            "limit": Param(bounded_int(1, MAX_LIMIT), expects=f"an integer from 1 to {MAX_LIMIT}"),
            "cursor": Param(text, expects="a cursor from a `next` link"),
            "format": Param(one_of(*MEDIA), expects="json, csv or ndjson"),
        }


def param_problem(error: ParamError) -> Response:
    return problem(error.status, error.detail, parameter=error.param)


async def list_response(request: Request, spec: ListSpec) -> Response:
    """One JSON page with a `next` link, or every matching item streamed as CSV/NDJSON."""
    try:
        values = parse_params(request.query_params, spec.params())
        fmt = negotiate(request, values.pop("format", None), list(MEDIA))
    except ParamError as error:
        return param_problem(error)
    except NotAcceptable as error:
        return problem(406, f"this route answers {error}; use Accept or format=")
    session: AsyncSession = request.state.session
    sort = values.pop("sort", spec.default_sort)
    limit: int | None = values.pop("limit", None)
    cursor: str | None = values.pop("cursor", None)
    name = f"{spec.name}:{sort}"
    ordering = spec.sorts[sort]
    stmt = spec.query(values, session.get_bind().dialect.name)
    try:
        if cursor is not None:
            check_cursor(name, cursor, ordering)
    except InvalidCursor as error:
        return problem(422, f"cursor is invalid: {error}", parameter="cursor")

    if fmt == "json":
        page = await paginate(session, stmt, name, ordering, PageRequest(limit or 20, cursor))
        page_items = await spec.serialize(Related(session), page.rows)
        next_url = (
            str(request.url.include_query_params(cursor=page.end_cursor))
            if page.has_next and page.end_cursor
            else None
        )
        response = JSONResponse({"items": page_items, "next": next_url})
        if next_url:
            response.headers["Link"] = f'<{next_url}>; rel="next"'
        return response

    async def items() -> AsyncIterator[JSON]:
        after, remaining = cursor, limit
        while True:
            size = STREAM_CHUNK if remaining is None else min(STREAM_CHUNK, remaining)
            page = await paginate(session, stmt, name, ordering, PageRequest(size, after))
            # A fresh cache per chunk keeps memory flat however large the export.
            for item in await spec.serialize(Related(session), page.rows):
                yield item
            if remaining is not None:
                remaining -= len(page.rows)
            if not page.has_next or (remaining is not None and remaining <= 0):
                return
            after = page.end_cursor

    if fmt == "ndjson":
        body = (orjson.dumps(item) + b"\n" async for item in items())
        return StreamingResponse(body, media_type=MEDIA["ndjson"])
    return StreamingResponse(_csv_lines(items(), spec.csv_columns), media_type=MEDIA["csv"])


async def _csv_lines(items: AsyncIterator[JSON], columns: Sequence[str]) -> AsyncIterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_header(columns))
    async for item in items:
        writer.writerow([pluck(item, c) for c in columns])
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


async def detail_response(
    request: Request, row: Any | None, serialize: Serialize, what: str
) -> Response:
    """One item as JSON; 404 problem when it does not exist."""
    try:
        spec = {"format": Param(one_of("json"), expects="json (details come as JSON only)")}
        values = parse_params(request.query_params, spec)
        negotiate(request, values.get("format"), ["json"])
    except ParamError as error:
        return param_problem(error)
    except NotAcceptable as error:
        return problem(406, f"this route answers {error}")
    if row is None:
        return problem(404, f"no {what} with id {request.path_params['id']!r}")
    (item,) = await serialize(Related(request.state.session), [row])
    return JSONResponse(item)
