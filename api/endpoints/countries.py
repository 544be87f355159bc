"""REST: /v1/countries (detail accepts the ISO alpha-2 or alpha-3 code as well as the id)."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.related import Related
from db import models as m
from db.queries import countries as q
from schema.node import global_id
from schema.relations import key_or_id


async def serialize(rel: Related, rows: list[m.Country]) -> list[JSON]:
    aliases = await rel.children(m.CountryAlias, "country_id", [r.id for r in rows])
    return [
        {
            "id": global_id("Country", r.iso2),
            "iso2": r.iso2,
            "iso3": r.iso3,
            "numeric": r.numeric,
            "name": r.name,
            "official_name": r.official_name,
            "aliases": [{"alias": a.alias, "kind": a.kind.value} for a in aliases[r.id]],
        }
        for r in rows
    ]


def query(v: dict[str, Any], dialect: str) -> Any:
    return q.countries_query(
        q.CountryFilter(codes=v.get("code", ()), name=v.get("name"), has_facts=v.get("has_facts"))
    )


SPEC = ListSpec(
    name="countries",
    filters={"code": p.COUNTRIES, "name": p.TEXT, "has_facts": p.BOOLEAN},
    sorts={
        "name": q.ORDERINGS[q.CountryOrder.NAME_ASC],
        "iso2": q.ORDERINGS[q.CountryOrder.ISO2_ASC],
    },
    default_sort="name",
    query=query,
    serialize=serialize,
    csv_columns=["id", "iso2", "iso3", "numeric", "name", "official_name", "aliases[].alias"],
)


async def list_countries(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_country(request: Request) -> Response:
    code = key_or_id(request.path_params["id"], "Country")
    row = None
    if 2 <= len(code) <= 3 and code.isalpha():
        rows = await request.state.session.scalars(
            q.countries_query(q.CountryFilter(codes=(code,)))
        )
        row = rows.first()
    return await detail_response(request, row, serialize, "country")
