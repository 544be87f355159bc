"""Review over REST: approve, reject and edit with a `review` key; history; errors."""

from collections.abc import Iterator
from typing import Any

import pytest

from schema.node import global_id
from tests.conftest import HEADLINE, UNLIMITED, Databases, app_client
from tests.contract import Contract, ContractClient
from tests.keys import bearer, make_key
from tests.review_facts import (
    PROPOSED_DECISION,
    PROPOSED_PACKAGE,
    PROPOSED_STATEMENT,
    REJECTED_DECISION,
    review_database,
)

PD = "/v1/policy-decisions"


@pytest.fixture(scope="module")
def url(databases: Databases) -> str:
    return review_database(databases)


@pytest.fixture(scope="module")
def api(url: str) -> Iterator[ContractClient]:
    with app_client(url, anonymous_rate=UNLIMITED) as client:
        yield ContractClient(client, Contract.load())


@pytest.fixture(scope="module")
def reviewer(url: str) -> tuple[str, str]:
    return make_key(url, scopes=("read", "review"))


def review(api: ContractClient, path: str, key: str | None, body: Any, **headers: str) -> Any:
    auth = bearer(key) if key else {}
    return api.post(f"{path}/review", json=body, headers={**auth, **headers})


def headline_keys(api: ContractClient) -> list[str]:
    data = api.post("/graphql", json={"query": HEADLINE}).json()["data"]
    return [edge["node"]["id"] for edge in data["policyDecisions"]["edges"]]


def test_approval_makes_a_fact_appear_in_the_headline_query(
    api: ContractClient, reviewer: tuple[str, str]
) -> None:
    key, public_id = reviewer
    proposed_id = global_id("PolicyDecision", PROPOSED_DECISION)
    assert proposed_id not in headline_keys(api)
    etag = api.get(PD).headers["ETag"]

    response = review(
        api, f"{PD}/{PROPOSED_DECISION}", key, {"action": "approve", "reason": "quote checked"}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["fact"]["review_status"] == "APPROVED"
    assert body["review"]["action"] == "APPROVE" and body["review"]["actor"] == public_id
    assert body["review"]["before"]["review_status"] == "PROPOSED"
    assert body["review"]["after"]["review_status"] == "APPROVED"

    assert proposed_id in headline_keys(api)
    assert PROPOSED_DECISION in {
        item["slug"] for item in api.get(f"{PD}?limit=100").json()["items"]
    }
    assert api.get(PD).headers["ETag"] != etag, "a review bumps the data version"

    again = review(api, f"{PD}/{PROPOSED_DECISION}", key, {"action": "approve"})
    assert again.status_code == 409
    assert (
        again.json()["type"].endswith("/conflict") and "already approved" in again.json()["detail"]
    )

    history = api.get(f"{PD}/{PROPOSED_DECISION}/history").json()
    assert history["id"] == proposed_id
    assert [(h["action"], h["actor"], h["reason"]) for h in history["items"]] == [
        ("APPROVE", public_id, "quote checked")
    ]


def test_reject_twice_is_a_conflict_and_approval_reverses_a_rejection(
    api: ContractClient, reviewer: tuple[str, str]
) -> None:
    key, _ = reviewer
    path = f"{PD}/{REJECTED_DECISION}"
    assert review(api, path, key, {"action": "reject"}).status_code == 409
    approved = review(api, path, key, {"action": "approve", "reason": "misread after all"})
    assert approved.json()["fact"]["review_status"] == "APPROVED"
    rejected = review(api, path, key, {"action": "REJECT", "reason": "it was right"})
    assert rejected.status_code == 200
    assert rejected.json()["fact"]["review_status"] == "REJECTED"
    actions = [h["action"] for h in api.get(f"{path}/history").json()["items"]]
    assert actions == ["REJECT", "APPROVE"]  # newest first


def test_edit_keeps_a_proposed_fact_proposed_unless_approved(
    api: ContractClient, reviewer: tuple[str, str]
) -> None:
    key, _ = reviewer
    path = f"/v1/aid-packages/{PROPOSED_PACKAGE}"
    changes = {
        "description": "New military aid package worth two billion dollars",
        "date": "2024-05",
    }
    edited = review(api, path, key, {"action": "edit", "changes": changes, "reason": "wording"})
    assert edited.status_code == 200, edited.json()
    fact = edited.json()["fact"]
    assert fact["review_status"] == "PROPOSED"
    assert fact["description"] == changes["description"]
    assert fact["date"]["value"] == "2024-05" and fact["date"]["precision"] == "MONTH"
    entry = edited.json()["review"]
    assert entry["before"]["date"] is None and entry["after"]["date"] == "2024-05"
    assert entry["before"]["amount"] == entry["after"]["amount"] == "2000000000.00"

    approved = review(
        api,
        path,
        key,
        {"action": "edit", "changes": {"currency": "usd", "amount": 2e9 + 0.5}, "approve": True},
    )
    assert approved.status_code == 200, approved.json()
    assert approved.json()["fact"]["review_status"] == "APPROVED"
    assert approved.json()["fact"]["amount"] == 2000000000.5
    assert [h["action"] for h in api.get(f"{path}/history").json()["items"]] == ["EDIT", "EDIT"]


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"action": "edit", "changes": {"amount": "lots"}}, 422, "changes.amount"),
        ({"action": "edit", "changes": {"donor": "FR"}}, 422, "cannot edit donor"),
        ({"action": "edit"}, 422, "needs changes"),
        ({"action": "edit", "changes": {"kind": "FRIENDLY"}}, 422, "changes.kind"),
        ({"action": "edit", "changes": {"date": "May 2024"}}, 422, "changes.date"),
        ({"action": "approve", "changes": {"currency": "EUR"}}, 422, "edit action only"),
        ({"action": "destroy"}, 422, "approve, reject or edit"),
        ({"action": "approve", "reason": 5}, 422, "reason"),
        ({"action": "approve", "extra": 1}, 422, "unknown fields"),
        ([1, 2], 422, "JSON object"),
    ],
)
def test_bad_reviews_are_4xx_problems(
    api: ContractClient, reviewer: tuple[str, str], body: Any, status: int, detail: str
) -> None:
    response = review(api, f"/v1/aid-packages/{PROPOSED_PACKAGE}", reviewer[0], body)
    assert response.status_code == status, response.json()
    assert detail in response.json()["detail"]


def test_body_must_be_json(api: ContractClient, reviewer: tuple[str, str]) -> None:
    path = f"/v1/statements/{PROPOSED_STATEMENT}/review"
    headers = bearer(reviewer[0])
    assert (
        api.post(
            path, content=b"{", headers={**headers, "Content-Type": "application/json"}
        ).status_code
        == 400
    )
    assert (
        api.post(
            path, content=b"action=approve", headers={**headers, "Content-Type": "text/plain"}
        ).status_code
        == 415
    )


def test_unknown_facts_are_404(api: ContractClient, reviewer: tuple[str, str]) -> None:
    assert (
        review(api, f"{PD}/no-such-decision", reviewer[0], {"action": "approve"}).status_code == 404
    )
    assert api.get(f"{PD}/no-such-decision/history").status_code == 404
    assert api.get("/v1/statements/a%00b/history").status_code == 404


def test_curated_facts_are_not_reviewed(api: ContractClient, reviewer: tuple[str, str]) -> None:
    response = review(api, f"{PD}/gb-lifted-weapons-use-2024-05", reviewer[0], {"action": "reject"})
    assert response.status_code == 409 and "data/facts.yaml" in response.json()["detail"]
    assert api.get(f"{PD}/gb-lifted-weapons-use-2024-05/history").json()["items"] == []


def test_review_needs_the_review_scope(api: ContractClient, url: str) -> None:
    path = f"/v1/statements/{PROPOSED_STATEMENT}"
    assert review(api, path, None, {"action": "approve"}).status_code == 403  # anonymous
    reader, _ = make_key(url, scopes=("read", "write"))
    denied = review(api, path, reader, {"action": "approve"})
    assert denied.status_code == 403 and "review" in denied.json()["detail"]
    assert review(api, path, "ff_sk_nope", {"action": "approve"}).status_code == 401
    admin, admin_id = make_key(url, scopes=("admin",))
    approved = review(api, path, admin, {"action": "approve"})  # admin implies review
    assert approved.status_code == 200 and approved.json()["review"]["actor"] == admin_id
    statements = api.get("/v1/statements?limit=100").json()["items"]
    assert PROPOSED_STATEMENT in {item["slug"] for item in statements}
