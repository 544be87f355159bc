"""REST: /v1/articles (and POST: intake of a new article)."""

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.errors import problem
from api.ingested import ingest_json
from api.listing import JSON, JSONResponse, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import date_json, outlet_ref, person_ref
from api.related import Related
from db import models as m
from db.queries import articles as q
from ingest.intake import IntakeError, input_from_json
from ingest.pipeline import ingest_and_commit
from schema.node import global_id
from schema.relations import keys


def _item(r: m.Article, outlets: dict[int, Any], authors: list[m.Person]) -> JSON:
    return {
        "id": global_id("Article", r.key),
        "key": r.key,
        "title": r.title,
        "url": r.url,
        "outlet": outlet_ref(outlets.get(r.outlet_id or 0)),
        "language": r.language,
        "published": date_json(r.published),
        "published_note": r.published_note,
        "authors": [person_ref(a) for a in authors],
        "content_hash": r.content_hash,
        "length": len(r.body),
    }


async def _related(rel: Related, rows: list[m.Article]) -> tuple[dict[int, Any], dict[int, Any]]:
    outlets = await rel.by_id(m.Outlet, (r.outlet_id for r in rows))
    authors = await rel.through(
        m.Person,
        m.ArticleAuthor,
        m.ArticleAuthor.article_id,
        m.ArticleAuthor.person_id,
        [r.id for r in rows],
        (m.ArticleAuthor.position,),
    )
    return outlets, authors


async def serialize(rel: Related, rows: list[m.Article]) -> list[JSON]:
    """List items leave the body out (it can be long); the detail route includes it."""
    outlets, authors = await _related(rel, rows)
    return [_item(r, outlets, authors[r.id]) for r in rows]


async def serialize_detail(rel: Related, rows: list[m.Article]) -> list[JSON]:
    outlets, authors = await _related(rel, rows)
    return [{**_item(r, outlets, authors[r.id]), "body": r.body} for r in rows]


def query(v: dict[str, Any], dialect: str) -> Any:
    return q.articles_query(
        q.ArticleFilter(
            outlets=keys(list(v.get("outlet", ())), "Outlet"),
            authors=keys(list(v.get("person", ())), "Person"),
            languages=v.get("language", ()),
            date_from=v.get("date_from"),
            date_to=v.get("date_to"),
            q=v.get("q"),
        ),
        dialect,
    )


SPEC = ListSpec(
    name="articles",
    filters={
        "outlet": p.TEXTS,
        "person": p.TEXTS,
        "language": p.TEXTS,
        "date_from": p.DATE,
        "date_to": p.DATE,
        "q": p.SEARCH,
    },
    sorts={
        "published": q.ORDERINGS[q.ArticleOrder.PUBLISHED_ASC],
        "-published": q.ORDERINGS[q.ArticleOrder.PUBLISHED_DESC],
    },
    default_sort="-published",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "key", "title", "url", "outlet.slug", "outlet.name", "language",
        "published.value", "published.precision", "published.earliest", "published.latest",
        "published_note", "authors[].name", "content_hash", "length",
    ],
)  # fmt: skip


async def list_articles(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_article(request: Request) -> Response:
    value = request.path_params["id"]
    row = await by_key(request.state.session, m.Article, m.Article.key, value, "Article")
    return await detail_response(request, row, serialize_detail, "article")


async def post_article(request: Request) -> Response:
    """Run the intake pipeline: 201 with a new article and its facts, 200 when already stored."""
    try:
        p.parse_params(request.query_params, {})
    except p.ParamError as error:
        return problem(400, error.detail, parameter=error.param)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return problem(415, "send the article as JSON (Content-Type: application/json)")
    try:
        payload = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return problem(400, "the request body is not valid JSON in UTF-8", field="body")
    principal = getattr(request.state, "principal", None)
    actor = (principal.public_id if principal is not None else None) or "anonymous"
    session = request.state.session
    try:
        article = input_from_json(payload)
        result = await ingest_and_commit(
            session, article, actor=actor, max_chars=request.state.settings.max_article_chars
        )
    except IntakeError as error:
        return problem(422, f"{error.field} {error.detail}", field=error.field)
    rel = Related(session)
    (shown,) = await serialize_detail(rel, [result.article])
    body = await ingest_json(rel, result, shown)
    headers = {"Location": f"/v1/articles/{shown['id']}"}
    return JSONResponse(body, status_code=201 if result.created else 200, headers=headers)
