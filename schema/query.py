"""The root Query: a connection per object type, lookups by ID, code or slug."""

from collections.abc import Callable
from typing import Any

import strawberry
from sqlalchemy import select

from db import models as m
from schema import (
    agreement,
    aid_package,
    api_key,
    article,
    entities,
    event,
    evidence,
    organization,
    outlet,
    place,
    policy_decision,
    rate_limit,
    statement,
    topic,
)
from schema import country as country_types
from schema import person as person_types
from schema.context import Info
from schema.node import Node, parse_global_id

# Type name in a global ID -> (model, column holding the key, builder).
NODE_TYPES: dict[str, tuple[Any, Any, Callable[[Any], Any]]] = {
    "Agreement": (m.Agreement, m.Agreement.key, agreement.Agreement.build),
    "AidPackage": (m.AidPackage, m.AidPackage.key, aid_package.AidPackage.build),
    "Article": (m.Article, m.Article.key, article.Article.build),
    "Country": (m.Country, m.Country.iso2, country_types.Country.build),
    "Event": (m.Event, m.Event.key, event.Event.build),
    "Evidence": (m.Evidence, m.Evidence.key, evidence.Evidence.build),
    "Organization": (m.Organization, m.Organization.key, organization.Organization.build),
    "Outlet": (m.Outlet, m.Outlet.key, outlet.Outlet.build),
    "Person": (m.Person, m.Person.key, person_types.Person.build),
    "PersonRole": (m.PersonRole, m.PersonRole.key, person_types.PersonRole.build),
    "Place": (m.Place, m.Place.key, place.Place.build),
    "PolicyDecision": (
        m.PolicyDecision,
        m.PolicyDecision.key,
        policy_decision.PolicyDecision.build,
    ),
    "Statement": (m.Statement, m.Statement.key, statement.Statement.build),
    "Topic": (m.Topic, m.Topic.key, topic.Topic.build),
}


async def _by_key(info: Info, type_name: str, key: str) -> Any:
    model, column, build = NODE_TYPES[type_name]
    row = await info.context.session.scalar(select(model).where(column == key))
    return build(row) if row is not None else None


@strawberry.type(description="Facts from coverage of the Russia–Ukraine war, with their sources.")
class Query:
    @strawberry.field(description="Any object by its global ID; null when it does not exist.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        type_name, key = parse_global_id(id)
        if type_name not in NODE_TYPES:
            return None
        return await _by_key(info, type_name, key)

    @strawberry.field(description="A country by ISO alpha-2 or alpha-3 code.")
    async def country(self, info: Info, code: str) -> country_types.Country | None:
        return await country_types.resolve_country(info, code)

    @strawberry.field(description="A person by slug, e.g. `antony-blinken`.")
    async def person(self, info: Info, slug: str) -> person_types.Person | None:
        return await _by_key(info, "Person", slug)

    policy_decisions = strawberry.field(
        resolver=policy_decision.resolve_policy_decisions,
        description="Policy decisions (e.g. on using supplied weapons against Russian territory).",
    )
    aid_packages = strawberry.field(
        resolver=aid_package.resolve_aid_packages, description="Aid packages."
    )
    agreements = strawberry.field(
        resolver=agreement.resolve_agreements, description="Agreements between countries."
    )
    events = strawberry.field(resolver=event.resolve_events, description="Events on the ground.")
    statements = strawberry.field(
        resolver=statement.resolve_statements, description="Statements attributed to speakers."
    )
    evidence = strawberry.field(
        resolver=evidence.resolve_evidence, description="Evidence quotes, by article and offset."
    )
    articles = strawberry.field(resolver=article.resolve_articles, description="Articles.")
    countries = strawberry.field(
        resolver=country_types.resolve_countries, description="Countries (all of ISO 3166-1)."
    )
    people = strawberry.field(resolver=person_types.resolve_people, description="People.")
    outlets = strawberry.field(resolver=entities.resolve_outlets, description="Outlets.")
    organizations = strawberry.field(
        resolver=entities.resolve_organizations, description="Organizations."
    )
    places = strawberry.field(resolver=entities.resolve_places, description="Places.")
    topics = strawberry.field(resolver=entities.resolve_topics, description="Decision topics.")
    api_keys = strawberry.field(
        resolver=api_key.resolve_api_keys, description="Every API key with its usage (admin)."
    )
    rate_limit = strawberry.field(
        resolver=rate_limit.resolve_rate_limit,
        description="The caller's rate-limit window and this query's cost; null when the "
        "server does not rate-limit.",
    )
