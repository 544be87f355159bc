"""REST: /v1/people (detail accepts the slug, e.g. `antony-blinken`, as well as the id)."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import country_ref, date_json, organization_ref
from api.related import Related
from db import models as m
from db.queries import people as q
from schema.node import global_id
from schema.relations import keys


async def serialize(rel: Related, rows: list[m.Person]) -> list[JSON]:
    ids = [r.id for r in rows]
    aliases = await rel.children(m.PersonAlias, "person_id", ids)
    roles = await rel.children(m.PersonRole, "person_id", ids)
    all_roles = [role for rs in roles.values() for role in rs]
    countries = await rel.by_id(
        m.Country, [r.nationality_id for r in rows] + [x.country_id for x in all_roles]
    )
    orgs = await rel.by_id(m.Organization, (x.organization_id for x in all_roles))
    return [
        {
            "id": global_id("Person", r.key),
            "slug": r.key,
            "name": r.name,
            "aliases": [a.alias for a in aliases[r.id]],
            "nationality": country_ref(countries.get(r.nationality_id or 0)),
            "roles": [
                {
                    "id": global_id("PersonRole", x.key),
                    "title": x.title,
                    "organization": organization_ref(orgs.get(x.organization_id or 0)),
                    "country": country_ref(countries.get(x.country_id or 0)),
                    "date": date_json(x.date, x.date_basis),
                    "review_status": x.review_status.value,
                }
                for x in roles[r.id]
            ],
        }
        for r in rows
    ]


def query(v: dict[str, Any], dialect: str) -> Any:
    return q.people_query(
        q.PersonFilter(
            name=v.get("name"),
            nationalities=v.get("nationality", ()),
            organizations=keys(list(v.get("organization", ())), "Organization"),
        )
    )


SPEC = ListSpec(
    name="people",
    filters={"name": p.TEXT, "nationality": p.COUNTRIES, "organization": p.TEXTS},
    sorts={"name": q.ORDERINGS[q.PersonOrder.NAME_ASC]},
    default_sort="name",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "slug", "name", "aliases[]", "nationality.iso2", "roles[].title",
    ],
)  # fmt: skip


async def list_people(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_person(request: Request) -> Response:
    value = request.path_params["id"]
    row = await by_key(request.state.session, m.Person, m.Person.key, value, "Person")
    return await detail_response(request, row, serialize, "person")
