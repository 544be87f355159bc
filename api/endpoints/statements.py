"""REST: /v1/statements."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import article_ref, date_json, organization_ref, person_ref
from api.related import Related
from db import models as m
from db.queries import statements as q
from schema.node import global_id
from schema.relations import keys


async def serialize(rel: Related, rows: list[m.Statement]) -> list[JSON]:
    people = await rel.by_id(m.Person, (r.speaker_id for r in rows))
    orgs = await rel.by_id(m.Organization, (r.speaker_organization_id for r in rows))
    articles = await rel.by_id(m.Article, (r.article_id for r in rows))
    return [
        {
            "id": global_id("Statement", r.key),
            "slug": r.key,
            "kind": r.kind.value,
            "quote": r.quote,
            "start": r.start,
            "end": r.end,
            "speaker": person_ref(people.get(r.speaker_id or 0)),
            "speaker_organization": organization_ref(orgs.get(r.speaker_organization_id or 0)),
            "speaker_label": r.speaker_label,
            "date": date_json(r.date, r.date_basis),
            "article": article_ref(articles[r.article_id]),
            "review_status": r.review_status.value,
        }
        for r in rows
    ]


def query(v: dict[str, Any], dialect: str) -> Any:
    return q.statements_query(
        q.StatementFilter(
            speakers=keys(list(v.get("person", ())), "Person"),
            organizations=keys(list(v.get("organization", ())), "Organization"),
            articles=keys(list(v.get("article", ())), "Article"),
            outlets=keys(list(v.get("outlet", ())), "Outlet"),
            date_from=v.get("date_from"),
            date_to=v.get("date_to"),
            q=v.get("q"),
            review_statuses=p.statuses(v)[1],
        ),
        dialect,
    )


SPEC = ListSpec(
    name="statements",
    filters={
        "person": p.TEXTS,
        "organization": p.TEXTS,
        "article": p.TEXTS,
        "outlet": p.TEXTS,
        "date_from": p.DATE,
        "date_to": p.DATE,
        "q": p.SEARCH,
        "status": p.REVIEW,
        "review": p.REVIEW,
    },
    sorts={
        "date": q.ORDERINGS[q.StatementOrder.DATE_ASC],
        "-date": q.ORDERINGS[q.StatementOrder.DATE_DESC],
    },
    default_sort="date",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "slug", "kind", "quote", "start", "end", "speaker.slug", "speaker.name",
        "speaker_organization.slug", "speaker_label", "date.value", "date.precision",
        "article.id", "article.title", "article.url",
    ],
)  # fmt: skip


async def list_statements(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_statement(request: Request) -> Response:
    value = request.path_params["id"]
    row = await by_key(request.state.session, m.Statement, m.Statement.key, value, "Statement")
    return await detail_response(request, row, serialize, "statement")
