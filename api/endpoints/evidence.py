"""REST: /v1/evidence."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import evidence_json
from api.related import Related
from db import models as m
from db.enums import Stance
from db.queries import evidence as q
from schema.node import global_id
from schema.relations import keys

# REST name of a fact type -> (evidence column, model, GraphQL type name).
FACT_TYPES: dict[str, tuple[str, Any, str]] = {
    "policy-decision": ("policy_decision_id", m.PolicyDecision, "PolicyDecision"),
    "aid-package": ("aid_package_id", m.AidPackage, "AidPackage"),
    "person-role": ("person_role_id", m.PersonRole, "PersonRole"),
    "agreement": ("agreement_id", m.Agreement, "Agreement"),
    "event": ("event_id", m.Event, "Event"),
}


async def serialize(rel: Related, rows: list[m.Evidence]) -> list[JSON]:
    articles = await rel.by_id(m.Article, (r.article_id for r in rows))
    facts: dict[str, dict[int, Any]] = {}
    for name, (column, model, _) in FACT_TYPES.items():
        facts[name] = await rel.by_id(model, (getattr(r, column) for r in rows))
    items = []
    for r in rows:
        item = evidence_json(r, articles[r.article_id])
        for name, (column, _, type_name) in FACT_TYPES.items():
            fact_id = getattr(r, column)
            if fact_id is not None:
                fact = facts[name][fact_id]
                item["fact"] = {"type": name, "id": global_id(type_name, fact.key)}
        items.append(item)
    return items


def query(v: dict[str, Any], dialect: str) -> Any:
    return q.evidence_query(
        q.EvidenceFilter(
            articles=keys(list(v.get("article", ())), "Article"),
            outlets=keys(list(v.get("outlet", ())), "Outlet"),
            stances=v.get("stance", ()),
            fact_columns=tuple(FACT_TYPES[t][0] for t in v.get("fact_type", ())),
            review_statuses=v.get("review", ()),
        )
    )


SPEC = ListSpec(
    name="evidence",
    filters={
        "article": p.TEXTS,
        "outlet": p.TEXTS,
        "stance": p.choices(Stance),
        "fact_type": p.Param(
            p.one_of(*FACT_TYPES), many=True, expects="a comma-separated list of: "
            + ", ".join(FACT_TYPES)
        ),
        "review": p.REVIEW,
    },
    sorts={"position": q.ORDERINGS[q.EvidenceOrder.ARTICLE_POSITION]},
    default_sort="position",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "quote", "start", "end", "stance", "fact.type", "fact.id", "article.id",
        "article.title", "article.url",
    ],
)  # fmt: skip


async def list_evidence(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_evidence(request: Request) -> Response:
    value = request.path_params["id"]
    row = await by_key(request.state.session, m.Evidence, m.Evidence.key, value, "Evidence")
    return await detail_response(request, row, serialize, "evidence")
