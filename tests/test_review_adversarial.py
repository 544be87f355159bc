"""Hostile and odd review requests (REST and GraphQL): 4xx that name the field, ids of the
wrong type, double and concurrent decisions; nothing recorded twice."""

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from schema.node import global_id
from tests.articles import counts
from tests.conftest import UNLIMITED, Databases, app_client, graphql
from tests.contract import Contract, ContractClient
from tests.keys import key_headers
from tests.review_facts import (
    PROPOSED_DECISION,
    PROPOSED_PACKAGE,
    PROPOSED_ROLE,
    PROPOSED_STATEMENT,
    review_database,
)

DECISION = global_id("PolicyDecision", PROPOSED_DECISION)
PACKAGE = global_id("AidPackage", PROPOSED_PACKAGE)
STATEMENT = global_id("Statement", PROPOSED_STATEMENT)
REVIEW = """mutation($id: ID!, $action: ReviewAction!) {
  reviewFact(id: $id, action: $action) { review { action } }
}"""


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return review_database(databases)


@pytest.fixture(scope="module")
def http(url: str) -> Iterator[TestClient]:
    with app_client(url, raise_server_exceptions=False, anonymous_rate=UNLIMITED) as client:
        yield client


@pytest.fixture(scope="module")
def api(http: TestClient) -> ContractClient:
    return ContractClient(http, Contract.load())


@pytest.fixture(scope="module")
def reviewer(url: str) -> dict[str, str]:
    return key_headers(url, "read", "review")


def review(api: ContractClient, headers: dict[str, str], path: str, body: Any) -> Any:
    return api.post(f"/v1/{path}/review", json=body, headers=headers)


def history(api: ContractClient, path: str) -> list[str]:
    return [entry["action"] for entry in api.get(f"/v1/{path}/history").json()["items"]]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (f"aid-packages/{PACKAGE}", {"action": "edit", "changes": {"currency": "ÄÖÜ"}}, "currency"),
        (f"aid-packages/{PACKAGE}", {"action": "edit", "changes": {"amount": "NaN"}}, "amount"),
        (f"policy-decisions/{DECISION}", {"action": "edit", "changes": {"date": "2024-5"}}, "date"),
        (f"policy-decisions/{DECISION}", {"action": "edit", "changes": {"nope": 1}}, "nope"),
        (f"policy-decisions/{DECISION}", {"action": 1}, "action"),
        (f"policy-decisions/{DECISION}", {"action": "approve", "reason": 5}, "reason"),
        (f"policy-decisions/{DECISION}", {"action": "approve", "extra": True}, "extra"),
        (f"statements/{STATEMENT}", {"action": "edit", "changes": {}}, "changes"),
        (f"statements/{STATEMENT}", {"action": "edit", "changes": [1]}, "changes"),
    ],
)
def test_bad_reviews_are_422_naming_the_field(
    api: ContractClient, url: str, reviewer: dict[str, str], path: str, body: Any, field: str
) -> None:
    before = counts(url)
    response = review(api, reviewer, path, body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == field, response.json()
    assert counts(url) == before


def test_a_reason_with_nul_says_so(api: ContractClient, reviewer: dict[str, str]) -> None:
    response = review(
        api, reviewer, f"statements/{STATEMENT}", {"action": "approve", "reason": "a\u0000b"}
    )
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"] and response.json()["field"] == "reason"


@pytest.mark.parametrize(
    "path",
    [
        f"aid-packages/{DECISION}",
        f"policy-decisions/{STATEMENT}",
        f"policy-decisions/{global_id('PersonRole', PROPOSED_ROLE)}",
        f"statements/{PACKAGE}",
        "policy-decisions/%00",
        "policy-decisions/!!!",
    ],
)
def test_an_id_of_another_type_is_404_and_changes_nothing(
    api: ContractClient, url: str, reviewer: dict[str, str], path: str
) -> None:
    before = counts(url)
    response = review(api, reviewer, path, {"action": "approve"})
    assert response.status_code == 404, response.text
    assert counts(url) == before


def test_graphql_ids_of_other_types_are_coded_errors(
    http: TestClient, reviewer: dict[str, str]
) -> None:
    for id_, code in [
        (global_id("Country", "GB"), "BAD_USER_INPUT"),
        ("!!!", "BAD_USER_INPUT"),
        (global_id("PolicyDecision", "no-such-fact"), "NOT_FOUND"),
    ]:
        body = graphql(http, REVIEW, {"id": id_, "action": "APPROVE"}, reviewer).json()
        assert body["errors"][0]["extensions"]["code"] == code, body
    accept = {**reviewer, "accept": "application/graphql-response+json"}
    wrong = graphql(http, REVIEW, {"id": DECISION, "action": 5}, accept)
    assert wrong.status_code == 400 and "Variable '$action'" in wrong.text


def test_double_approve_and_reject_are_409_with_one_history_row_each(
    api: ContractClient, reviewer: dict[str, str]
) -> None:
    path = f"policy-decisions/{DECISION}"
    assert review(api, reviewer, path, {"action": "approve"}).status_code == 200
    assert review(api, reviewer, path, {"action": "APPROVE"}).status_code == 409
    assert review(api, reviewer, path, {"action": "reject"}).status_code == 200
    assert review(api, reviewer, path, {"action": "reject"}).status_code == 409
    assert history(api, path) == ["REJECT", "APPROVE", *history(api, path)[2:]]
    assert history(api, path).count("APPROVE") == 1


def test_two_reviewers_approving_at_once_make_one_approval(
    api: ContractClient, http: TestClient, reviewer: dict[str, str]
) -> None:
    """Before: SQLite has no row lock, so both answered 200 and the history had two approvals."""
    for path in (f"aid-packages/{PACKAGE}", f"statements/{STATEMENT}"):
        statuses: list[int] = []

        def approve(target: str = path, statuses: list[int] = statuses) -> None:
            response = http.post(
                f"/v1/{target}/review", json={"action": "approve"}, headers=reviewer
            )
            statuses.append(response.status_code)

        threads = [threading.Thread(target=approve) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [200, 409], statuses
        assert history(api, path).count("APPROVE") == 1
