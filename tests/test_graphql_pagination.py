"""Connections: first/after paging, totalCount, page-size cap and cursor errors."""

from tests.conftest import GraphQL

COUNTRIES = """
query($first: Int!, $after: String, $order: CountryOrder) {
  countries(first: $first, after: $after, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { iso2 name } }
  }
}
"""


def test_paging_through_every_country_sees_each_once(gql: GraphQL) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = gql(COUNTRIES, {"first": 100, "after": after, "order": "ISO2_ASC"})["countries"]
        seen += [e["node"]["iso2"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] == 249
    assert seen == sorted(seen)


def test_edge_cursor_resumes_after_that_edge(gql: GraphQL) -> None:
    first = gql(COUNTRIES, {"first": 5})["countries"]
    third_cursor = first["edges"][2]["cursor"]
    rest = gql(COUNTRIES, {"first": 2, "after": third_cursor})["countries"]
    assert [e["node"]["iso2"] for e in rest["edges"]] == [
        e["node"]["iso2"] for e in first["edges"][3:5]
    ]


def test_first_is_capped_at_100(gql: GraphQL) -> None:
    body = gql(COUNTRIES, {"first": 101}, errors=True)
    assert "`first` must be between 0 and 100" in body["errors"][0]["message"]
    body = gql(COUNTRIES, {"first": -1}, errors=True)
    assert "`first`" in body["errors"][0]["message"]


def test_first_zero_returns_only_the_count(gql: GraphQL) -> None:
    page = gql(COUNTRIES, {"first": 0})["countries"]
    assert page["edges"] == [] and page["totalCount"] == 249


def test_garbage_cursor_is_a_clear_error(gql: GraphQL) -> None:
    for cursor in ["not-a-cursor", "", "WyJ4Il0", "%%%", "W10"]:
        body = gql(COUNTRIES, {"first": 2, "after": cursor}, errors=True)
        assert "invalid `after` cursor" in body["errors"][0]["message"], cursor


def test_cursor_of_another_ordering_is_rejected(gql: GraphQL) -> None:
    page = gql(COUNTRIES, {"first": 2, "order": "NAME_ASC"})["countries"]
    body = gql(
        COUNTRIES,
        {"first": 2, "after": page["pageInfo"]["endCursor"], "order": "ISO2_ASC"},
        errors=True,
    )
    assert "another list or ordering" in body["errors"][0]["message"]


def test_policy_decision_pages_follow_fuzzy_date_order(gql: GraphQL) -> None:
    query = """query($after: String) { policyDecisions(first: 3, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { key date { earliest } } } } }"""
    keys: list[str] = []
    dates: list[str | None] = []
    after = None
    while True:
        page = gql(query, {"after": after})["policyDecisions"]
        keys += [e["node"]["key"] for e in page["edges"]]
        dates += [(e["node"]["date"] or {}).get("earliest") for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(keys) == len(set(keys)) == 10
    known = [d for d in dates if d is not None]
    assert known == sorted(known)
    # Unknown dates sort last.
    assert dates[len(known) :] == [None] * (len(dates) - len(known))


def test_cursor_with_out_of_range_numbers_is_rejected(gql: GraphQL) -> None:
    import base64
    import json

    raw = json.dumps(["countries:ISO2_ASC", ["GB", 10**30]]).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    body = gql(COUNTRIES, {"first": 2, "after": cursor, "order": "ISO2_ASC"}, errors=True)
    assert "invalid `after` cursor" in body["errors"][0]["message"]
