"""Reads filter by review status: published facts by default, others when asked, at every level."""

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from schema.node import global_id
from tests.conftest import UNLIMITED, Databases, app_client, graphql
from tests.contract import Contract, ContractClient
from tests.review_facts import (
    BLINKEN_ARTICLE,
    PROPOSED_DECISION,
    PROPOSED_PACKAGE,
    PROPOSED_ROLE,
    PROPOSED_STATEMENT,
    REJECTED_DECISION,
    review_database,
)

HIDDEN = {PROPOSED_DECISION, REJECTED_DECISION}


@pytest.fixture(scope="module")
def api(databases: Databases) -> Iterator[ContractClient]:
    with app_client(review_database(databases), anonymous_rate=UNLIMITED) as client:
        yield ContractClient(client, Contract.load())


def slugs(api: ContractClient, url: str) -> set[str]:
    response = api.get(url)
    assert response.status_code == 200, response.json()
    return {item["slug"] for item in response.json()["items"]}


def gql(api: ContractClient, query: str, **variables: Any) -> Any:
    body = graphql(api, query, variables).json()
    assert "errors" not in body, body
    return body["data"]


def test_rest_lists_show_published_facts_by_default(api: ContractClient) -> None:
    listed = slugs(api, "/v1/policy-decisions?limit=100")
    assert listed and not listed & HIDDEN
    assert PROPOSED_PACKAGE not in slugs(api, "/v1/aid-packages?limit=100")
    assert PROPOSED_STATEMENT not in slugs(api, "/v1/statements?limit=100")
    items = api.get("/v1/policy-decisions?limit=100").json()["items"]
    assert {item["review_status"] for item in items} == {"CURATED"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=PROPOSED", {PROPOSED_DECISION}),
        ("status=proposed,rejected", HIDDEN),
        ("review=PROPOSED,REJECTED", HIDDEN),
        ("status=REJECTED&review=PROPOSED", HIDDEN),
        ("status=PROPOSED,REPORTED", {PROPOSED_DECISION}),
        ("status=PROPOSED,CONFIRMED", set()),
    ],
)
def test_rest_status_selects_review_statuses(
    api: ContractClient, query: str, expected: set[str]
) -> None:
    assert slugs(api, f"/v1/policy-decisions?{query}") == expected


def test_rest_fact_status_alone_keeps_the_published_default(api: ContractClient) -> None:
    reported = slugs(api, "/v1/policy-decisions?status=REPORTED&limit=100")
    assert reported and not reported & HIDDEN
    everything = slugs(
        api, "/v1/policy-decisions?review=PROPOSED,APPROVED,REJECTED,CURATED&limit=100"
    )
    assert everything == slugs(api, "/v1/policy-decisions?limit=100") | HIDDEN


def test_rest_bad_review_values_are_422(api: ContractClient) -> None:
    for query in ("status=PENDING", "review=REPORTED", "review="):
        response = api.get(f"/v1/policy-decisions?{query}")
        assert response.status_code == 422, query
        assert response.json()["parameter"] in {"status", "review"}


def test_rest_other_lists_take_review(api: ContractClient) -> None:
    assert slugs(api, "/v1/aid-packages?status=PROPOSED") == {PROPOSED_PACKAGE}
    assert slugs(api, "/v1/statements?status=PROPOSED") == {PROPOSED_STATEMENT}
    assert slugs(api, "/v1/statements?review=PROPOSED") == {PROPOSED_STATEMENT}
    facts = {item["fact"]["id"] for item in api.get("/v1/evidence?limit=100").json()["items"]}
    proposed_id = global_id("PolicyDecision", PROPOSED_DECISION)
    assert proposed_id not in facts
    proposed = api.get("/v1/evidence?review=PROPOSED&limit=100").json()["items"]
    assert proposed_id in {item["fact"]["id"] for item in proposed}
    assert global_id("PersonRole", PROPOSED_ROLE) in {item["fact"]["id"] for item in proposed}


def test_rest_search_hides_proposed_statements(api: ContractClient) -> None:
    assert PROPOSED_STATEMENT not in slugs(api, "/v1/statements?q=encourage")
    assert slugs(api, "/v1/statements?q=encourage&status=PROPOSED") == {PROPOSED_STATEMENT}


def test_rest_detail_opens_any_fact_and_says_its_review_status(api: ContractClient) -> None:
    for path, key in [
        ("policy-decisions", PROPOSED_DECISION),
        ("aid-packages", PROPOSED_PACKAGE),
        ("statements", PROPOSED_STATEMENT),
    ]:
        item = api.get(f"/v1/{path}/{key}").json()
        assert item["review_status"] == "PROPOSED", path
    item = api.get(f"/v1/policy-decisions/{PROPOSED_DECISION}").json()
    assert item["evidence"], "a proposed fact shows its own quotes"


def test_rest_nested_roles_are_published_only(api: ContractClient) -> None:
    person = api.get("/v1/people/david-cameron").json()
    titles = {role["title"] for role in person["roles"]}
    assert "Foreign Minister" not in titles and titles
    assert {role["review_status"] for role in person["roles"]} == {"CURATED"}


def test_rest_csv_and_ndjson_exports_follow_the_filter(api: ContractClient) -> None:
    text = api.get("/v1/policy-decisions?format=csv").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and not {row["slug"] for row in rows} & HIDDEN
    text = api.get("/v1/policy-decisions?format=csv&status=PROPOSED").text
    assert [row["slug"] for row in csv.DictReader(io.StringIO(text))] == [PROPOSED_DECISION]
    lines = api.get("/v1/policy-decisions?format=ndjson&review=REJECTED").text.splitlines()
    assert len(lines) == 1 and REJECTED_DECISION in lines[0]


LIST = """query($review: [ReviewStatus!]) {
  %s(first: 100, filter: {reviewStatuses: $review}) {
    totalCount edges { node { key reviewStatus } } }
}"""


def keys_of(api: ContractClient, field: str, review: list[str] | None = None) -> list[str]:
    """Keys listed by a top-level connection (one per query: resolvers share one session)."""
    data = gql(api, LIST % field, review=review)[field]
    assert data["totalCount"] == len(data["edges"])
    return [edge["node"]["key"] for edge in data["edges"]]


def test_graphql_lists_and_counts(api: ContractClient) -> None:
    published = gql(api, LIST % "policyDecisions")["policyDecisions"]
    assert not {e["node"]["key"] for e in published["edges"]} & HIDDEN
    assert published["totalCount"] == len(published["edges"]) > 0
    assert {e["node"]["reviewStatus"] for e in published["edges"]} == {"CURATED"}
    assert keys_of(api, "policyDecisions", ["PROPOSED"]) == [PROPOSED_DECISION]
    assert keys_of(api, "aidPackages", ["PROPOSED"]) == [PROPOSED_PACKAGE]
    assert keys_of(api, "statements", ["PROPOSED"]) == [PROPOSED_STATEMENT]
    assert PROPOSED_STATEMENT not in keys_of(api, "statements")
    assert PROPOSED_PACKAGE not in keys_of(api, "aidPackages")


COUNTRY = """query($review: [ReviewStatus!]) {
  country(code: "GB") { policyDecisions(reviewStatuses: $review) { key } } }"""
PERSON = """query($review: [ReviewStatus!]) { person(slug: "david-cameron") {
  roles(reviewStatuses: $review) { title reviewStatus }
  decisions(reviewStatuses: $review) { key } } }"""
ARTICLES = """query($review: [ReviewStatus!]) { articles(first: 10) { edges { node { key
  policyDecisions(reviewStatuses: $review) { key }
  aidPackages(reviewStatuses: $review) { key }
  statements(reviewStatuses: $review) { key }
  evidence(reviewStatuses: $review) { fact { id } } } } } }"""


def nested(api: ContractClient, review: list[str] | None = None) -> dict[str, Any]:
    """Each top-level field in its own query: resolvers of one request share one session."""
    (article,) = [
        edge["node"]
        for edge in gql(api, ARTICLES, review=review)["articles"]["edges"]
        if edge["node"]["key"] == BLINKEN_ARTICLE
    ]
    return {
        "country": gql(api, COUNTRY, review=review)["country"],
        "person": gql(api, PERSON, review=review)["person"],
        "article": article,
    }


def test_graphql_nested_relations_are_published_only_by_default(api: ContractClient) -> None:
    data = nested(api)
    assert PROPOSED_DECISION not in {d["key"] for d in data["country"]["policyDecisions"]}
    assert "Foreign Minister" not in {r["title"] for r in data["person"]["roles"]}
    assert PROPOSED_DECISION not in {d["key"] for d in data["person"]["decisions"]}
    article = data["article"]
    assert not {d["key"] for d in article["policyDecisions"]} & HIDDEN
    assert PROPOSED_PACKAGE not in {p["key"] for p in article["aidPackages"]}
    assert PROPOSED_STATEMENT not in {s["key"] for s in article["statements"]}
    hidden_ids = {global_id("PolicyDecision", key) for key in HIDDEN}
    assert not {e["fact"]["id"] for e in article["evidence"]} & hidden_ids

    data = nested(api, ["PROPOSED"])
    assert [d["key"] for d in data["country"]["policyDecisions"]] == [PROPOSED_DECISION]
    assert data["person"]["roles"] == [{"title": "Foreign Minister", "reviewStatus": "PROPOSED"}]
    article = data["article"]
    assert [d["key"] for d in article["policyDecisions"]] == [PROPOSED_DECISION]
    assert [s["key"] for s in article["statements"]] == [PROPOSED_STATEMENT]
    assert global_id("PolicyDecision", PROPOSED_DECISION) in {
        e["fact"]["id"] for e in article["evidence"]
    }


def test_graphql_node_opens_a_proposed_fact_with_its_evidence(api: ContractClient) -> None:
    query = """query($id: ID!) { node(id: $id) { ... on PolicyDecision {
        key reviewStatus evidence { quote } } } }"""
    data = gql(api, query, id=global_id("PolicyDecision", PROPOSED_DECISION))
    assert data["node"]["reviewStatus"] == "PROPOSED" and data["node"]["evidence"]
