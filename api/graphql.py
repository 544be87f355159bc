"""The GraphQL endpoint: Strawberry's ASGI app with our context and GraphQL-over-HTTP errors."""

import datetime as dt
import json
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api import metrics
from api.access import send_error
from api.response_cache import ResponseCache, cache_key, cacheable
from db.engine import UNAVAILABLE, read_only
from db.queries.dataset_version import get_data_version
from db.replica import mark_read_only
from schema.context import Context, RateLimitStatus
from schema.cost import query_cost
from schema.document_cache import Remembered, parse_document, variables_key
from schema.limits import GraphQLLimits
from schema.loaders import Loaders
from schema.schema import build_schema, schema

GRAPHQL_RESPONSE = "application/graphql-response+json"


class FrontlineGraphQL(GraphQL[Context, None]):
    """Builds the context from the session the DB middleware opened for this request."""

    def __init__(
        self,
        graphiql: bool = True,
        max_page_size: int = 100,
        limits: GraphQLLimits | None = None,
        cache: ResponseCache | None = None,
    ) -> None:
        super().__init__(
            build_schema(limits) if limits is not None else schema,
            graphql_ide="graphiql" if graphiql else None,
            allow_queries_via_get=True,
        )
        self.max_page_size = max_page_size
        self.limits = limits or GraphQLLimits()
        self.cache = cache
        # Costs and cacheability are pure functions of the document and its variables.
        self.costs = Remembered()

    async def get_context(self, request: Request | WebSocket, response: Response | Any) -> Context:
        session = request.state.session
        return Context(
            session=session,
            loaders=Loaders(session),
            max_page_size=self.max_page_size,
            request=request,
            rate_limit=getattr(request.state, "rate_limit_status", None),
            principal=getattr(request.state, "principal", None),
        )

    async def _charge(self, request: Request, send: Send) -> bool:
        """Charge the query's cost (computed before execution) to the caller's window."""
        cost = await _request_cost(request, self.schema, self.limits, self.costs)
        principal = request.state.principal
        decision = await request.state.limiter.hit(
            principal.identity, cost, principal.limit, principal.window
        )
        request.state.rate_decision = decision
        request.state.graphql_cost = cost
        request.state.rate_limit_status = RateLimitStatus(
            limit=decision.limit,
            remaining=decision.remaining,
            reset_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=decision.reset_after),
            cost=cost,
        )
        if decision.allowed:
            return True
        metrics.rate_limited("graphql")
        detail = (
            f"this query costs {cost} points and only {decision.remaining} of "
            f"{decision.limit} remain in this window; retry in {decision.reset_after}s"
        )
        await send_error(send, "/graphql", 429, detail, decision.headers())
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            if "limiter" in scope["state"] and not await self._charge(request, send):
                return
        except ClientDisconnect:
            return  # gone (or cut off by the body-size limit, which has answered already)
        parsed = getattr(request.state, "graphql_parsed", None)
        if (
            parsed is not None
            and _operation_type(parsed[1], parsed[0].get("operationName")) == "query"
        ):
            await read_only(request.state.session)
        key = None
        if self.cache is not None:
            # After charging: a cached answer costs the caller what a fresh one would.
            key = await self._cache_key(request)
            cached = await self.cache.get(key) if key is not None else None
            if key is not None and cached is not None:
                head, _, body = cached.partition(b"\n")
                await _cached(key, "hit", head.decode(), body)(scope, receive, send)
                return
        try:
            response = await self.run(request)
        except HTTPException as error:
            # A request that is not GraphQL at all still gets a GraphQL-shaped error body.
            response = JSONResponse(
                {"errors": [{"message": error.reason}]}, status_code=error.status_code
            )
        if (
            self.cache is not None
            and key is not None
            and response.status_code == 200
            and b'"errors":' not in response.body  # only complete answers, never failures
        ):
            media = response.headers.get("content-type", "application/json")
            await self.cache.set(key, media.encode() + b"\n" + bytes(response.body))
            response = _cached(key, "miss", media, bytes(response.body))
        await response(scope, receive, send)

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        for error in result.errors or ():
            if isinstance(error.original_error, UNAVAILABLE):
                # The database is down: a 503 (api/unavailable.py), not "Unexpected error."
                raise error.original_error
        return await super().process_result(request, result)

    async def _cache_key(self, request: Request) -> str | None:
        """The response-cache key of this request; None when its answer must not be shared."""
        parsed = await _read_operation(request, self.limits)
        if parsed is None:
            return None
        data, document = parsed
        operation = data.get("operationName")
        shareable = self.costs.get(("cacheable", data["query"], operation))
        if shareable is None:
            shareable = cacheable(document, operation)
            self.costs.put(("cacheable", data["query"], operation), shareable)
        if not shareable:
            return None
        principal = getattr(request.state, "principal", None)
        accept = request.headers.get("accept", "")
        return cache_key(
            # Every write bumps the version, so an entry is never served after the data moved.
            await get_data_version(request.state.session),
            data["query"],
            data.get("variables"),
            operation,
            principal.scopes if principal is not None else frozenset(),
            GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in accept else "application/json",
        )

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        request: Request | None = getattr(sub_response, "frontline_request", None)
        accept = request.headers.get("accept", "") if request is not None else ""
        if GRAPHQL_RESPONSE in accept and isinstance(response_data, dict):
            response.headers["content-type"] = GRAPHQL_RESPONSE
            errors: list[Any] = list(response_data.get("errors") or [])
            # Parse and validation errors carry no path: the request itself was bad (spec: 4xx).
            if (
                errors
                and response_data.get("data") is None
                and not any("path" in e for e in errors)
            ):
                response.status_code = 400
        return response

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.frontline_request = request  # type: ignore[attr-defined]
        return sub_response

    async def parse_http_body(self, request: Any) -> Any:
        data = await super().parse_http_body(request)
        for item in data if isinstance(data, list) else [data]:
            if _has_nul(item.query) or _has_nul(item.variables):
                # No stored text contains NUL and PostgreSQL refuses it as a parameter.
                raise HTTPException(
                    400, "the query and its variables must not contain NUL characters"
                )
        return data

    def encode_json(self, data: object) -> bytes:
        # orjson: compact UTF-8 like json.dumps(ensure_ascii=False), several times faster on
        # the large nested answers the headline query gives.
        return orjson.dumps(data)


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


async def _read_operation(request: Request, limits: GraphQLLimits) -> tuple[Any, Any] | None:
    """The request's JSON (or GET parameters) and parsed document, read once per request;
    None when it cannot be read (Strawberry then answers the malformed request itself)."""
    if hasattr(request.state, "graphql_parsed"):
        parsed: tuple[Any, Any] | None = request.state.graphql_parsed
        return parsed
    parsed = None
    try:
        if request.method == "GET":
            data: Any = dict(request.query_params)
            if data.get("variables"):
                data["variables"] = json.loads(data["variables"])
        else:
            data = json.loads(await request.body())
        if isinstance(data, dict) and isinstance(data.get("query"), str):
            parsed = (data, parse_document(data["query"], limits.max_tokens))
    except (KeyError, TypeError, ValueError, GraphQLError):
        parsed = None
    request.state.graphql_parsed = parsed
    return parsed


async def _request_cost(
    request: Request, schema: Any, limits: GraphQLLimits, costs: Remembered
) -> int:
    """The cost of the operation in a GET or JSON POST request; 1 when it cannot be read."""
    parsed = await _read_operation(request, limits)
    if parsed is None:
        return 1
    data, document = parsed
    try:
        variables = data.get("variables")
        variables = variables if isinstance(variables, dict) else None
        operation = data.get("operationName")
        request.state.graphql_operation = operation or _first_operation_name(document)
        if _operation_type(document, operation) == "query":
            mark_read_only(request.state.session)  # may read from the replica
        key = ("cost", data["query"], operation, variables_key(variables))
        cost: int | None = costs.get(key)
        if cost is None:
            cost = max(1, query_cost(document, variables, operation, schema=schema._schema))
            costs.put(key, cost)
        return cost
    except (KeyError, TypeError, ValueError, GraphQLError):
        return 1


def _operation_type(document: Any, name: str | None) -> str | None:
    """ "query", "mutation"... of the operation that will run; None when it is ambiguous."""
    operations = [d for d in document.definitions if getattr(d, "operation", None) is not None]
    if name:
        operations = [d for d in operations if d.name is not None and d.name.value == name]
    return operations[0].operation.value if len(operations) == 1 else None


def _cached(key: str, outcome: str, media: str, body: bytes) -> Response:
    """An answer from (or just stored in) the response cache; the ETag names the entry, which
    includes the data version, so it changes exactly when the answer may change."""
    etag = f'W/"{key[:40]}"'
    return Response(
        body,
        media_type=media,
        headers={"ETag": etag, "X-Cache": outcome},
    )


def _first_operation_name(document: Any) -> str | None:
    for definition in document.definitions:
        name = getattr(definition, "name", None)
        if getattr(definition, "operation", None) is not None:
            return name.value if name is not None else None
    return None
