"""Review over GraphQL: the reviewFact mutation and every fact's `history`."""

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from schema.node import global_id
from tests.conftest import HEADLINE, UNLIMITED, Databases, StatementCounter, app_client, graphql
from tests.keys import bearer, make_key
from tests.review_facts import (
    PROPOSED_DECISION,
    PROPOSED_PACKAGE,
    PROPOSED_ROLE,
    PROPOSED_STATEMENT,
    review_database,
)

REVIEW = """mutation($id: ID!, $action: ReviewAction!, $changes: FactChanges, $reason: String,
                    $approve: Boolean! = false) {
  reviewFact(id: $id, action: $action, changes: $changes, reason: $reason, approve: $approve) {
    fact { id ... on PolicyDecision { reviewStatus scope }
                ... on AidPackage { reviewStatus amount currency }
                ... on PersonRole { reviewStatus title }
                ... on Statement { reviewStatus kind } }
    review { id action actor at before after reason }
  }
}"""


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return review_database(databases)


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[TestClient]:
    with app_client(url, anonymous_rate=UNLIMITED) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def reviewer(url: str) -> tuple[str, str]:
    return make_key(url, scopes=("read", "review"))


def post(client: TestClient, query: str, key: str | None = None, **variables: Any) -> Any:
    response = graphql(client, query, variables, bearer(key) if key else {})
    assert response.status_code == 200, response.text
    return response.json()


def error_code(body: Any) -> str:
    assert body.get("errors"), body
    return str(body["errors"][0]["extensions"]["code"])


def test_approve_edit_and_history(client: TestClient, reviewer: tuple[str, str]) -> None:
    key, public_id = reviewer
    decision = global_id("PolicyDecision", PROPOSED_DECISION)
    changes = {
        "policyDecision": {"scope": "Ukraine may strike Russian territory", "dateBasis": None}
    }
    edited = post(
        client, REVIEW, key, id=decision, action="EDIT", changes=changes, reason="wording"
    )
    assert "errors" not in edited, edited
    payload = edited["data"]["reviewFact"]
    assert payload["fact"]["reviewStatus"] == "PROPOSED"
    assert payload["fact"]["scope"] == "Ukraine may strike Russian territory"
    assert payload["review"]["action"] == "EDIT" and payload["review"]["actor"] == public_id
    assert payload["review"]["before"]["date_basis"] == "FIRST_REPORTED"
    assert payload["review"]["after"]["date_basis"] is None

    headline = post(client, HEADLINE)["data"]["policyDecisions"]["edges"]
    assert decision not in {e["node"]["id"] for e in headline}
    approved = post(client, REVIEW, key, id=decision, action="APPROVE")
    assert approved["data"]["reviewFact"]["fact"]["reviewStatus"] == "APPROVED"
    headline = post(client, HEADLINE)["data"]["policyDecisions"]["edges"]
    assert decision in {e["node"]["id"] for e in headline}

    query = """query($id: ID!) { node(id: $id) { ... on PolicyDecision {
        history { action actor reason before after } } } }"""
    history = post(client, query, id=decision)["data"]["node"]["history"]
    assert [(h["action"], h["reason"]) for h in history] == [("APPROVE", None), ("EDIT", "wording")]


def test_history_goes_through_one_loader_query(
    client: TestClient, reviewer: tuple[str, str]
) -> None:
    query = """{ policyDecisions(first: 50, filter: {reviewStatuses: [APPROVED, CURATED]}) {
        edges { node { key history { action } } } } }"""
    counter = StatementCounter()
    engine = client.app.state.engine.sync_engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", counter)
    try:
        data = post(client, query)["data"]
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    assert len(data["policyDecisions"]["edges"]) > 5
    history_queries = [s for s in counter.statements if "fact_reviews" in s]
    assert len(history_queries) == 1, counter.statements


def test_other_fact_types_and_their_changes(client: TestClient, reviewer: tuple[str, str]) -> None:
    key, _ = reviewer
    package = global_id("AidPackage", PROPOSED_PACKAGE)
    changes = {"aidPackage": {"amount": "2000000000", "currency": "usd"}}
    body = post(client, REVIEW, key, id=package, action="EDIT", changes=changes, approve=True)
    assert "errors" not in body, body
    assert body["data"]["reviewFact"]["fact"]["reviewStatus"] == "APPROVED"
    assert body["data"]["reviewFact"]["fact"]["currency"] == "USD"

    role = global_id("PersonRole", PROPOSED_ROLE)
    body = post(client, REVIEW, key, id=role, action="REJECT", reason="the seed has his real title")
    assert body["data"]["reviewFact"]["fact"] == {
        "id": role,
        "reviewStatus": "REJECTED",
        "title": "Foreign Minister",
    }
    statement = global_id("Statement", PROPOSED_STATEMENT)
    changes = {"statement": {"kind": "PARAPHRASE"}}
    body = post(client, REVIEW, key, id=statement, action="EDIT", changes=changes)
    assert body["data"]["reviewFact"]["fact"]["kind"] == "PARAPHRASE"


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        (
            {
                "id": global_id("PolicyDecision", "gb-lifted-weapons-use-2024-05"),
                "action": "REJECT",
            },
            "CONFLICT",
        ),
        ({"id": global_id("PolicyDecision", "no-such-decision"), "action": "APPROVE"}, "NOT_FOUND"),
        ({"id": global_id("Country", "GB"), "action": "APPROVE"}, "BAD_USER_INPUT"),
        ({"id": "not an id", "action": "APPROVE"}, "BAD_USER_INPUT"),
        ({"id": global_id("Statement", PROPOSED_STATEMENT), "action": "PROPOSE"}, "BAD_USER_INPUT"),
        (
            {
                "id": global_id("Statement", PROPOSED_STATEMENT),
                "action": "EDIT",
                "changes": {"aidPackage": {"currency": "EUR"}},
            },
            "BAD_USER_INPUT",
        ),
        (
            {
                "id": global_id("Statement", PROPOSED_STATEMENT),
                "action": "EDIT",
                "changes": {"statement": {"date": "last May"}},
            },
            "BAD_USER_INPUT",
        ),
        ({"id": global_id("Statement", PROPOSED_STATEMENT), "action": "EDIT"}, "BAD_USER_INPUT"),
    ],
)
def test_mutation_errors_carry_a_code(
    client: TestClient, reviewer: tuple[str, str], variables: dict[str, Any], code: str
) -> None:
    assert error_code(post(client, REVIEW, reviewer[0], **variables)) == code


def test_review_twice_is_a_conflict(client: TestClient, reviewer: tuple[str, str]) -> None:
    role = global_id("PersonRole", PROPOSED_ROLE)
    post(client, REVIEW, reviewer[0], id=role, action="REJECT")  # may already be rejected
    assert error_code(post(client, REVIEW, reviewer[0], id=role, action="REJECT")) == "CONFLICT"


def test_review_needs_the_review_scope(client: TestClient, url: str) -> None:
    variables = {"id": global_id("Statement", PROPOSED_STATEMENT), "action": "APPROVE"}
    assert error_code(post(client, REVIEW, **variables)) == "FORBIDDEN"
    reader, _ = make_key(url, scopes=("read",))
    assert error_code(post(client, REVIEW, reader, **variables)) == "FORBIDDEN"
    bad = graphql(client, REVIEW, variables, bearer("ff_sk_nope"))
    assert bad.status_code == 401
