"""REST: /v1/outlets, /v1/organizations and /v1/places (detail accepts the slug)."""

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import country_ref, place_ref
from api.related import Related
from db import models as m
from db.queries import entities as q
from schema.node import global_id


async def serialize_outlets(rel: Related, rows: list[m.Outlet]) -> list[JSON]:
    countries = await rel.by_id(m.Country, (r.country_id for r in rows))
    return [
        {
            "id": global_id("Outlet", r.key),
            "slug": r.key,
            "name": r.name,
            "domain": r.domain,
            "country": country_ref(countries.get(r.country_id or 0)),
        }
        for r in rows
    ]


async def serialize_organizations(rel: Related, rows: list[m.Organization]) -> list[JSON]:
    countries = await rel.by_id(m.Country, (r.country_id for r in rows))
    aliases = await rel.children(m.OrganizationAlias, "organization_id", [r.id for r in rows])
    return [
        {
            "id": global_id("Organization", r.key),
            "slug": r.key,
            "name": r.name,
            "kind": r.kind,
            "aliases": [a.alias for a in aliases[r.id]],
            "country": country_ref(countries.get(r.country_id or 0)),
        }
        for r in rows
    ]


async def serialize_places(rel: Related, rows: list[m.Place]) -> list[JSON]:
    countries = await rel.by_id(m.Country, (r.country_id for r in rows))
    parents = await rel.by_id(m.Place, (r.parent_id for r in rows))
    aliases = await rel.children(m.PlaceAlias, "place_id", [r.id for r in rows])
    return [
        {
            "id": global_id("Place", r.key),
            "slug": r.key,
            "name": r.name,
            "kind": r.kind,
            "aliases": [a.alias for a in aliases[r.id]],
            "country": country_ref(countries.get(r.country_id or 0)),
            "parent": place_ref(parents.get(r.parent_id or 0)),
        }
        for r in rows
    ]


def _spec(name: str, model: Any, serialize: Any, columns: list[str], kinds: bool) -> ListSpec:
    filters = {"name": p.TEXT, "country": p.COUNTRIES}
    if kinds:
        filters["kind"] = p.TEXTS

    def query(v: dict[str, Any], dialect: str) -> Any:
        return q.entities_query(
            model,
            q.EntityFilter(
                name=v.get("name"), kinds=v.get("kind", ()), countries=v.get("country", ())
            ),
        )

    return ListSpec(
        name=name,
        filters=filters,
        sorts={"name": q.ordering(model)},
        default_sort="name",
        query=query,
        serialize=serialize,
        csv_columns=columns,
    )


OUTLETS = _spec(
    "outlets", m.Outlet, serialize_outlets, ["id", "slug", "name", "domain", "country.iso2"], False
)
ORGANIZATIONS = _spec(
    "organizations",
    m.Organization,
    serialize_organizations,
    ["id", "slug", "name", "kind", "aliases[]", "country.iso2"],
    True,
)
PLACES = _spec(
    "places",
    m.Place,
    serialize_places,
    ["id", "slug", "name", "kind", "aliases[]", "country.iso2", "parent.slug"],
    True,
)


def _routes(
    spec: ListSpec, model: Any, type_name: str, what: str
) -> tuple[Callable[[Request], Awaitable[Response]], Callable[[Request], Awaitable[Response]]]:
    async def list_items(request: Request) -> Response:
        return await list_response(request, spec)

    async def get_item(request: Request) -> Response:
        value = request.path_params["id"]
        row = await by_key(request.state.session, model, model.key, value, type_name)
        return await detail_response(request, row, spec.serialize, what)

    return list_items, get_item


list_outlets, get_outlet = _routes(OUTLETS, m.Outlet, "Outlet", "outlet")
list_organizations, get_organization = _routes(
    ORGANIZATIONS, m.Organization, "Organization", "organization"
)
list_places, get_place = _routes(PLACES, m.Place, "Place", "place")
