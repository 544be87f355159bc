"""The route table."""

from starlette.routing import BaseRoute, Route

from api.docs import docs, openapi_json, openapi_yaml
from api.endpoints import (
    aid_packages,
    articles,
    countries,
    entities,
    evidence,
    keys,
    people,
    policy_decisions,
    statements,
)
from api.endpoints.export import export_dataset
from api.endpoints.reviews import review_routes
from api.health import healthz, readyz


def rest_routes() -> list[BaseRoute]:
    """Every /v1 route: a list and a detail route per resource."""
    pairs = [
        ("articles", articles.list_articles, articles.get_article),
        ("outlets", entities.list_outlets, entities.get_outlet),
        ("people", people.list_people, people.get_person),
        ("countries", countries.list_countries, countries.get_country),
        ("organizations", entities.list_organizations, entities.get_organization),
        ("places", entities.list_places, entities.get_place),
        ("aid-packages", aid_packages.list_aid_packages, aid_packages.get_aid_package),
        (
            "policy-decisions",
            policy_decisions.list_policy_decisions,
            policy_decisions.get_policy_decision,
        ),
        ("statements", statements.list_statements, statements.get_statement),
        ("evidence", evidence.list_evidence, evidence.get_evidence),
    ]
    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/openapi.yaml", openapi_yaml, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/v1/export", export_dataset, methods=["GET"]),
        Route("/v1/articles", articles.post_article, methods=["POST"]),
        Route("/v1/keys", keys.list_keys, methods=["GET"]),
        Route("/v1/keys", keys.create_key, methods=["POST"]),
        Route("/v1/keys/{id}", keys.get_key, methods=["GET"]),
        Route("/v1/keys/{id}", keys.revoke_key, methods=["DELETE"]),
        Route("/v1/keys/{id}/rotate", keys.rotate_key, methods=["POST"]),
    ]
    for name, list_endpoint, detail_endpoint in pairs:
        routes.append(Route(f"/v1/{name}", list_endpoint, methods=["GET"]))
        routes.append(Route(f"/v1/{name}/{{id}}", detail_endpoint, methods=["GET"]))
    return routes + review_routes()
