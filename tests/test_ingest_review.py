"""The issue's done condition: a new article's decision, once approved, is in the headline query."""

from collections.abc import Iterator

import pytest

from tests.articles import BERLIN, counts
from tests.conftest import HEADLINE, Databases, app_client, seeded_database
from tests.contract import Contract, ContractClient
from tests.keys import key_headers


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return seeded_database(databases)


@pytest.fixture(scope="module")
def api(url: str) -> Iterator[ContractClient]:
    with app_client(url) as client:
        yield ContractClient(client, Contract.load())


def headline_countries(api: ContractClient) -> list[str]:
    response = api.client.post("/graphql", json={"query": HEADLINE})
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    edges = response.json()["data"]["policyDecisions"]["edges"]
    return [e["node"]["country"]["iso2"] for e in edges if e["node"]["country"]]


def test_a_proposed_decision_approved_by_a_reviewer_joins_the_headline(
    api: ContractClient, url: str
) -> None:
    assert "DE" not in headline_countries(api)
    writer = key_headers(url, "read", "write")
    added = api.post(
        "/v1/articles",
        json={"body": BERLIN, "outlet": "Meridian Wire", "published_at": "2024-05-31"},
        headers=writer,
    )
    assert added.status_code == 201, added.text
    germany = next(
        d
        for d in added.json()["facts"]["policy_decisions"]
        if d["summary"].startswith("Germany EASED")
    )
    assert germany["new"] and germany["review_status"] == "PROPOSED"
    # Proposed facts wait for review: not in the headline yet, and re-posting changes nothing.
    assert "DE" not in headline_countries(api)
    before = counts(url)
    assert api.post("/v1/articles", json={"body": BERLIN}, headers=writer).status_code == 200
    assert counts(url) == before

    reviewer = key_headers(url, "read", "review")
    approved = api.post(
        f"/v1/policy-decisions/{germany['id']}/review",
        json={"action": "approve", "reason": "checked against the wire copy"},
        headers=reviewer,
    )
    assert approved.status_code == 200, approved.text
    assert "DE" in headline_countries(api)
    history = api.get(f"/v1/policy-decisions/{germany['id']}/history").json()["items"]
    assert {h["action"] for h in history} >= {"PROPOSE", "APPROVE"}
