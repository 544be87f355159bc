"""GraphQL and REST return the same facts, in the same order, for the same filters."""

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import GraphQL

CASES = [
    ("policyDecisions", "policy-decisions", {}, ""),
    (
        "policyDecisions",
        "policy-decisions",
        {"actions": ["LIFTED", "EASED"]},
        "action=LIFTED,EASED",
    ),
    ("policyDecisions", "policy-decisions", {"countries": ["US"]}, "country=US"),
    ("policyDecisions", "policy-decisions", {"people": ["joe-biden"]}, "person=joe-biden"),
    (
        "policyDecisions",
        "policy-decisions",
        {"dateFrom": "2024-05-30", "statuses": ["REPORTED"]},
        "date_from=2024-05-30&status=REPORTED",
    ),
    ("aidPackages", "aid-packages", {"donors": ["US"]}, "donor=US"),
    ("aidPackages", "aid-packages", {"people": ["antony-blinken"]}, "person=antony-blinken"),
    ("statements", "statements", {"speakers": ["antony-blinken"]}, "person=antony-blinken"),
    ("articles", "articles", {"authors": ["maciej-zubel"]}, "person=maciej-zubel"),
    ("articles", "articles", {"q": "Stoltenberg"}, "q=Stoltenberg"),
    ("statements", "statements", {"q": "poison"}, "q=poison"),
    ("countries", "countries", {"hasFacts": True}, "has_facts=true"),
    ("people", "people", {"name": "kuleba"}, "name=kuleba"),
    ("evidence", "evidence", {"stances": ["DISPUTES"]}, "stance=DISPUTES"),
]


@pytest.mark.parametrize(("field", "resource", "gql_filter", "rest_query"), CASES)
def test_same_ids_in_the_same_order(
    gql: GraphQL,
    api: TestClient,
    field: str,
    resource: str,
    gql_filter: dict[str, Any],
    rest_query: str,
) -> None:
    type_name = field[0].upper() + field[1:]
    filter_type = {
        "PolicyDecisions": "PolicyDecisionFilter",
        "AidPackages": "AidPackageFilter",
        "Statements": "StatementFilter",
        "Articles": "ArticleFilter",
        "Countries": "CountryFilter",
        "People": "PersonFilter",
        "Evidence": "EvidenceFilter",
    }[type_name]
    query = f"""query($f: {filter_type}) {{ {field}(filter: $f, first: 100) {{
        totalCount edges {{ node {{ id }} }} }} }}"""
    data = gql(query, {"f": gql_filter})[field]
    graphql_ids = [e["node"]["id"] for e in data["edges"]]
    rest = api.get(f"/v1/{resource}?{rest_query}&limit=100").json()
    assert [item["id"] for item in rest["items"]] == graphql_ids
    assert data["totalCount"] == len(graphql_ids)
