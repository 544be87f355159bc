"""The headline query answers exactly as the contract says, with exact quotes."""

from typing import Any

from tests.conftest import HEADLINE, GraphQL, StatementCounter

SEED_ARTICLES_SUPPORTING_US_EASED = 4  # 001, 002, 003 and 004


def nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in data["policyDecisions"]["edges"]]


def test_headline_returns_uk_then_us(gql: GraphQL) -> None:
    data = gql(HEADLINE)
    decisions = nodes(data)
    assert data["policyDecisions"]["totalCount"] == 2
    assert data["policyDecisions"]["pageInfo"]["hasNextPage"] is False
    assert [(d["country"]["iso2"], d["action"]) for d in decisions] == [
        ("GB", "LIFTED"),
        ("US", "EASED"),
    ]
    uk, us = decisions
    assert uk["country"]["name"] == "United Kingdom"
    assert uk["date"] == {
        "value": "2024-05",
        "precision": "MONTH",
        "earliest": "2024-05-01",
        "latest": "2024-05-31",
    }
    assert uk["decidedBy"]["name"] == "David Cameron"
    assert us["date"]["value"] == "2024-05-30"
    assert us["date"]["precision"] == "DAY"
    assert us["decidedBy"]["name"] == "Joe Biden"
    assert us["status"] in {"DISPUTED", "REPORTED"}
    assert "Kharkiv" in us["scope"]
    assert "civilian" in us["limits"] and "long-range" in us["limits"]


def test_every_quote_is_its_article_text(gql: GraphQL) -> None:
    for decision in nodes(gql(HEADLINE)):
        assert decision["evidence"], decision["id"]
        for evidence in decision["evidence"]:
            body = evidence["article"]["body"]
            assert body[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_us_easing_is_disputed_by_the_pentagon_and_sourced_from_every_article(
    gql: GraphQL,
) -> None:
    us = nodes(gql(HEADLINE))[1]
    assert us["status"] == "DISPUTED"
    disputes = [e for e in us["evidence"] if e["stance"] == "DISPUTES"]
    assert any("Sabrina Singh" in e["quote"] for e in disputes)
    supporting = {e["article"]["id"] for e in us["evidence"] if e["stance"] == "SUPPORTS"}
    assert len(supporting) == SEED_ARTICLES_SUPPORTING_US_EASED


def test_uk_is_sourced_from_both_articles_that_say_so(gql: GraphQL) -> None:
    uk = nodes(gql(HEADLINE))[0]
    quotes = " ".join(e["quote"] for e in uk["evidence"])
    assert "Days ago" in quotes
    assert "at the beginning of the month" in quotes
    assert len({e["article"]["id"] for e in uk["evidence"]}) == 2


def test_statement_count_does_not_grow_with_page_size(
    gql: GraphQL, count_queries: StatementCounter
) -> None:
    # Every decision of the topic, so that both page sizes really fetch several rows.
    query = HEADLINE.replace("actions: [LIFTED, EASED]", "actions: []")
    small = query.replace("first: 50", "first: 2")
    gql(small)
    small_count = count_queries.count
    count_queries.count = 0
    data = gql(query)
    assert len(data["policyDecisions"]["edges"]) > 2
    assert count_queries.count == small_count, count_queries.statements
    # page with its count + country + person + evidence + article + outlet
    assert small_count <= 6


def test_total_count_is_right_past_the_last_page(gql: GraphQL) -> None:
    first = gql(HEADLINE.replace("first: 50", "first: 1"))["policyDecisions"]
    after = first["pageInfo"]["endCursor"]
    query = HEADLINE.replace("first: 50", f'first: 5, after: "{after}"')
    rest = gql(query)["policyDecisions"]
    assert first["totalCount"] == rest["totalCount"] == 2
    past = gql(query.replace(after, rest["pageInfo"]["endCursor"]))["policyDecisions"]
    assert past["edges"] == [] and past["totalCount"] == 2


def test_total_count_through_a_fragment(gql: GraphQL) -> None:
    query = """
      fragment Sized on PolicyDecisionConnection { totalCount }
      { policyDecisions(first: 1) { ...Sized edges { node { id } } } }
    """
    assert gql(query)["policyDecisions"]["totalCount"] >= 2
