"""REST: /v1/aid-packages."""

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from api import params as p
from api.listing import JSON, ListSpec, detail_response, list_response
from api.lookup import by_key
from api.refs import amount_json, country_ref, date_json, person_ref
from api.related import Related
from db import models as m
from db.enums import AidKind
from db.queries import aid_packages as q
from schema.node import global_id
from schema.relations import keys


async def serialize(rel: Related, rows: list[m.AidPackage]) -> list[JSON]:
    ids = [r.id for r in rows]
    countries = await rel.by_id(m.Country, [c for r in rows for c in (r.donor_id, r.recipient_id)])
    people = await rel.by_id(
        m.Person, [x for r in rows for x in (r.announced_by_id, r.authorized_by_id)]
    )
    items = await rel.children(
        m.AidPackageItem, "aid_package_id", ids, (m.AidPackageItem.position,)
    )
    sourcing = await rel.sourcing("aid_package_id", ids)
    return [
        {
            "id": global_id("AidPackage", r.key),
            "slug": r.key,
            "donor": country_ref(countries[r.donor_id]),
            "recipient": country_ref(countries[r.recipient_id]),
            "amount": amount_json(r.amount),
            "currency": r.currency,
            "kind": r.kind.value,
            "description": r.description,
            "mechanism": r.mechanism,
            "items": [
                {"name": i.name, "description": i.description, "quantity": i.quantity}
                for i in items[r.id]
            ],
            "announced_by": person_ref(people.get(r.announced_by_id or 0)),
            "authorized_by": person_ref(people.get(r.authorized_by_id or 0)),
            "status": r.status.value,
            "review_status": r.review_status.value,
            "date": date_json(r.date, r.date_basis),
            "date_note": r.date_note,
            **sourcing[r.id],
        }
        for r in rows
    ]


def query(v: dict[str, Any], dialect: str) -> Any:
    fact_statuses, review_statuses = p.statuses(v)
    return q.aid_packages_query(
        q.AidPackageFilter(
            donors=v.get("donor", ()),
            recipients=v.get("recipient", ()),
            kinds=v.get("kind", ()),
            currencies=v.get("currency", ()),
            statuses=fact_statuses,
            people=keys(list(v.get("person", ())), "Person"),
            date_from=v.get("date_from"),
            date_to=v.get("date_to"),
            articles=keys(list(v.get("article", ())), "Article"),
            outlets=keys(list(v.get("outlet", ())), "Outlet"),
            review_statuses=review_statuses,
        )
    )


SPEC = ListSpec(
    name="aid-packages",
    filters={
        "donor": p.COUNTRIES,
        "recipient": p.COUNTRIES,
        "kind": p.choices(AidKind),
        "currency": p.TEXTS,
        "status": p.STATUSES,
        "review": p.REVIEW,
        "person": p.TEXTS,
        "date_from": p.DATE,
        "date_to": p.DATE,
        "article": p.TEXTS,
        "outlet": p.TEXTS,
    },
    sorts={
        "date": q.ORDERINGS[q.AidPackageOrder.DATE_ASC],
        "-date": q.ORDERINGS[q.AidPackageOrder.DATE_DESC],
    },
    default_sort="date",
    query=query,
    serialize=serialize,
    csv_columns=[
        "id", "slug", "donor.iso2", "recipient.iso2", "amount", "currency", "kind",
        "description", "mechanism", "items[].name", "announced_by.slug", "authorized_by.slug",
        "status", "date.value", "date.precision", "date.earliest", "date.latest", "date.basis",
        "corroboration.supporting_articles", "corroboration.supporting_sources",
        "evidence[].article.id",
    ],
)  # fmt: skip


async def list_aid_packages(request: Request) -> Response:
    return await list_response(request, SPEC)


async def get_aid_package(request: Request) -> Response:
    value = request.path_params["id"]
    row = await by_key(request.state.session, m.AidPackage, m.AidPackage.key, value, "AidPackage")
    return await detail_response(request, row, serialize, "aid package")
