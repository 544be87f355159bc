"""Top-level fields run concurrently; they share one request session without tripping over it."""

from typing import Any


def test_several_top_level_fields_share_the_session(gql: Any) -> None:
    data = gql(
        """{
          country(code: "GB") { name }
          person(slug: "david-cameron") { name roles { title } }
          policyDecisions(first: 3) { totalCount edges { node { action country { iso2 } } } }
          articles(first: 2) { edges { node { title } } }
          countries(first: 1) { edges { node { iso2 } } }
        }"""
    )
    assert data["country"]["name"] == "United Kingdom"
    assert data["person"]["name"] == "David Cameron"
    assert data["policyDecisions"]["totalCount"] >= 3
    assert len(data["articles"]["edges"]) == 2
