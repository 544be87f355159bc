"""REST: /v1/policy-decisions."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import (
    country_ref,
    date_json,
    organization_ref,
    person_ref,
)
from api.related import Related
from db import models as m
from db.enums import PolicyAction
from db.queries import policy_decisions as q
from schema.node import global_id
from schema.relations import keys


async def serialize(rel: Related, rows: list[m.PolicyDecision]) -> list[JSON]:
    ids = [r.id for r in rows]
    countries = await rel.by_id(m.Country, (r.country_id for r in rows))
    orgs = await rel.by_id(m.Organization, (r.organization_id for r in rows))
    people = await rel.by_id(m.Person, (r.decided_by_id for r in rows))
    topics = await rel.by_id(m.Topic, (r.topic_id for r in rows))
    sourcing = await rel.sourcing("policy_decision_id", ids)
    return [
        {
            "id": global_id("PolicyDecision", r.key),
            "slug": r.key,
            "topic": topics[r.topic_id].key,
            "action": r.action.value,
            "status": r.status.value,
            "review_status": r.review_status.value,
            "country": country_ref(countries.get(r.country_id or 0)),
            "organization": organization_ref(orgs.get(r.organization_id or 0)),
            "decided_by": person_ref(people.get(r.decided_by_id or 0)),
            "scope": r.scope,
            "limits": r.limits,
            "date": date_json(r.date, r.date_basis),
            "date_note": r.date_note,
            **sourcing[r.id],
        }
        for r in rows
    ]


def query(v: dict[str, Any], dialect: str) -> Any:
    fact_statuses, review_statuses = p.statuses(v)
    return q.policy_decisions_query(
        q.PolicyDecisionFilter(
            topics=v.get("topic", ()),
            actions=v.get("action", ()),
            statuses=fact_statuses,
            countries=v.get("country", ()),
            organizations=keys(list(v.get("organization", ())), "Organization"),
            people=keys(list(v.get("person", ())), "Person"),
            date_from=v.get("date_from"),
            date_to=v.get("date_to"),
            articles=keys(list(v.get("article", ())), "Article"),
            outlets=keys(list(v.get("outlet", ())), "Outlet"),
            review_statuses=review_statuses,
        )
    )


SPEC = ListSpec(
    name="policy-decisions",
    filters={
        "topic": p.TEXTS,
        "action": p.choices(PolicyAction),
        "status": p.STATUSES,
        "review": p.REVIEW,
        "country": p.COUNTRIES,
        "organization": p.TEXTS,
        "person": p.TEXTS,
        "date_from": p.DATE,
        "date_to": p.DATE,
        "article": p.TEXTS,
        "outlet": p.TEXTS,
    },
    sorts={
        "date": q.ORDERINGS[q.PolicyDecisionOrder.DATE_ASC],
        "-date": q.ORDERINGS[q.PolicyDecisionOrder.DATE_DESC],
    },
    default_sort="date",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "slug", "topic", "action", "status", "country.iso2", "country.name",
        "organization.slug", "decided_by.slug", "decided_by.name", "scope", "limits",
        "date.value", "date.precision", "date.earliest", "date.latest", "date.basis",
        "corroboration.supporting_articles", "corroboration.supporting_sources",
        "corroboration.disputing_quotes", "evidence[].article.id",
    ],
)  # fmt: skip


async def list_policy_decisions(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_policy_decision(request: Request) -> Response:
    session = request.state.session
    row = await by_key(
        session, m.PolicyDecision, m.PolicyDecision.key, request.path_params["id"], "PolicyDecision"
    )
    return await detail_response(request, row, serialize, "policy decision")
