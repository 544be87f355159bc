"""REST: POST /v1/{resource}/{id}/review (review scope) and GET /v1/{resource}/{id}/history."""

import dataclasses
import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from api.endpoints import aid_packages, policy_decisions, statements
from api.errors import problem
from api.json_body import json_object
from api.listing import JSON, JSONResponse, Serialize, param_problem
from api.params import Param, ParamError, one_of, parse_params
from api.related import Related
from db import models as m
from db.enums import ReviewAction
from db.queries import reviews as q
from schema.node import global_id
from schema.relations import key_or_id

FIELDS = {"action", "changes", "reason", "approve"}
ACTIONS = {
    "approve": ReviewAction.APPROVE,
    "reject": ReviewAction.REJECT,
    "edit": ReviewAction.EDIT,
}


@dataclasses.dataclass(frozen=True)
class Reviewable:
    """A REST resource whose facts can be reviewed."""

    fact_type: str
    type_name: str  # in global IDs
    what: str  # in messages
    serialize: Serialize


RESOURCES: dict[str, Reviewable] = {
    "policy-decisions": Reviewable(
        "policy_decision", "PolicyDecision", "policy decision", policy_decisions.serialize
    ),
    "aid-packages": Reviewable("aid_package", "AidPackage", "aid package", aid_packages.serialize),
    "statements": Reviewable("statement", "Statement", "statement", statements.serialize),
}


def review_json(row: m.FactReview) -> JSON:
    """One history entry."""
    # SQLite hands back naive datetimes; everything is stored in UTC.
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
    return {
        "id": row.key,
        "action": row.action.value,
        "actor": row.actor,
        "at": at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "before": row.before,
        "after": row.after,
        "reason": row.reason,
    }


def _request(body: dict[str, Any], actor: str) -> q.ReviewRequest:
    action = body.get("action")
    if not isinstance(action, str) or action.lower() not in ACTIONS:
        raise q.InvalidChanges("action must be approve, reject or edit", "action")
    changes = body.get("changes") or {}
    if not isinstance(changes, dict):
        raise q.InvalidChanges("changes must be an object of fields to change", "changes")
    reason = body.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise q.InvalidChanges("reason must be text", "reason")
    approve = body.get("approve", False)
    if not isinstance(approve, bool):
        raise q.InvalidChanges("approve must be true or false", "approve")
    return q.ReviewRequest(ACTIONS[action.lower()], actor, changes, reason or None, approve)


def _no_params(request: Request) -> Response | None:
    try:
        parse_params(request.query_params, {})
    except ParamError as error:
        return param_problem(error)
    return None


def review_endpoint(resource: str) -> Callable[[Request], Awaitable[Response]]:
    spec = RESOURCES[resource]

    async def review(request: Request) -> Response:
        if (error := _no_params(request)) is not None:
            return error
        body = await json_object(request, "review", FIELDS, name_the_field=True)
        if isinstance(body, Response):
            return body
        session = request.state.session
        value = request.path_params["id"]
        key = key_or_id(value, spec.type_name)
        row = None if "\x00" in key else await q.get_fact_for_review(session, spec.fact_type, key)
        if row is None:
            return problem(404, f"no {spec.what} with id {value!r}")
        actor = request.state.principal.public_id or "anonymous"
        try:
            review = await q.review_fact(session, spec.fact_type, row, _request(body, actor))
        except q.ReviewConflict as conflict:
            await session.rollback()
            return problem(409, f"cannot {body.get('action')} this {spec.what}: {conflict}")
        except q.InvalidChanges as invalid:
            await session.rollback()
            return problem(422, str(invalid), **({"field": invalid.field} if invalid.field else {}))
        await session.commit()  # the route is the edge of this write
        (fact,) = await spec.serialize(Related(session), [row])
        return JSONResponse({"fact": fact, "review": review_json(review)})

    return review


def history_endpoint(resource: str) -> Callable[[Request], Awaitable[Response]]:
    spec = RESOURCES[resource]
    formats = {"format": Param(one_of("json"), expects="json (history comes as JSON only)")}

    async def history(request: Request) -> Response:
        try:
            parse_params(request.query_params, formats)
        except ParamError as error:
            return param_problem(error)
        session = request.state.session
        value = request.path_params["id"]
        key = key_or_id(value, spec.type_name)
        if "\x00" in key or not await q.fact_exists(session, spec.fact_type, key):
            return problem(404, f"no {spec.what} with id {value!r}")
        (rows,) = await q.history(session, [(spec.fact_type, key)])
        return JSONResponse(
            {"id": global_id(spec.type_name, key), "items": [review_json(r) for r in rows]}
        )

    return history


def review_routes() -> list[BaseRoute]:
    """The review and history routes of every reviewable resource."""
    routes: list[BaseRoute] = []
    for resource in RESOURCES:
        base = f"/v1/{resource}/{{id}}"
        routes.append(Route(f"{base}/review", review_endpoint(resource), methods=["POST"]))
        routes.append(Route(f"{base}/history", history_endpoint(resource), methods=["GET"]))
    return routes
