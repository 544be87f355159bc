"""Filters and ordering a journalist relies on, on the seed data."""

from typing import Any

from tests.conftest import GraphQL

DECISIONS = """
query($filter: PolicyDecisionFilter, $order: PolicyDecisionOrder) {
  policyDecisions(filter: $filter, orderBy: $order, first: 100) {
    totalCount
    edges { node { key action status country { iso2 } organization { key }
                   date { value earliest latest } } }
  }
}
"""


def decisions(gql: GraphQL, order: str = "DATE_ASC", **filter: Any) -> list[dict[str, Any]]:
    data = gql(DECISIONS, {"filter": filter, "order": order})["policyDecisions"]
    assert data["totalCount"] == len(data["edges"])
    return [e["node"] for e in data["edges"]]


def test_filter_by_country_is_case_insensitive(gql: GraphQL) -> None:
    found = decisions(gql, countries=["us"])
    assert {d["country"]["iso2"] for d in found} == {"US"}
    assert {d["action"] for d in found} == {"EASED", "MAINTAINED"}


def test_filter_by_action_and_status(gql: GraphQL) -> None:
    advocated = decisions(gql, actions=["ADVOCATED"])
    actors = {(d["country"] or {}).get("iso2") or d["organization"]["key"] for d in advocated}
    assert actors == {"nato", "FR", "EE", "LV", "LT", "PL"}
    disputed = decisions(gql, statuses=["DISPUTED"])
    assert [d["action"] for d in disputed] == ["EASED"]


def test_filter_by_person_slug_or_id(gql: GraphQL) -> None:
    by_slug = decisions(gql, people=["joe-biden"])
    person = gql('{ person(slug: "joe-biden") { id } }')["person"]
    by_id = decisions(gql, people=[person["id"]])
    assert by_slug == by_id
    assert [d["action"] for d in by_slug] == ["EASED"]


def test_date_range_matches_any_day_a_fuzzy_date_can_mean(gql: GraphQL) -> None:
    # The UK's "2024-05" (month) overlaps the last days of May; the US's 30 May does too.
    late_may = decisions(gql, dateFrom="2024-05-30", dateTo="2024-05-31")
    assert {"gb-lifted-weapons-use-2024-05"} <= {d["key"] for d in late_may}
    assert all(d["date"] for d in late_may)
    assert decisions(gql, dateFrom="2024-06-01") == []
    assert decisions(gql, dateTo="2024-04-30") == []
    early = decisions(gql, dateTo="2024-05-15", countries=["GB", "US"])
    assert [d["country"]["iso2"] for d in early] == ["GB"]


def test_filter_by_article_and_outlet(gql: GraphQL) -> None:
    article = gql(
        '{ articles(filter: {authors: ["maciej-zubel"]}) { edges { node { id title } } } }'
    )["articles"]["edges"][0]["node"]
    found = decisions(gql, articles=[article["id"]])
    assert {d["country"]["iso2"] for d in found} == {"US"}
    assert decisions(gql, outlets=["no-such-outlet"]) == []


def test_filter_by_topic(gql: GraphQL) -> None:
    assert len(decisions(gql, topic="weapons-use-on-russian-territory")) == 10
    assert decisions(gql, topic="no-such-topic") == []


def test_order_desc_is_the_reverse_for_known_dates(gql: GraphQL) -> None:
    # Ascending sorts by the earliest day a date can mean, descending by the latest.
    asc = [d["date"]["earliest"] for d in decisions(gql, "DATE_ASC") if d["date"]]
    desc = [d["date"]["latest"] for d in decisions(gql, "DATE_DESC") if d["date"]]
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True)
    everything = decisions(gql, "DATE_DESC")
    assert everything[0]["date"]["latest"] == "2024-05-31"
    assert everything[-1]["date"] is None


def test_aid_package_filters(gql: GraphQL) -> None:
    query = """query($f: AidPackageFilter) { aidPackages(filter: $f) { totalCount
        edges { node { amount currency donor { iso2 } recipient { iso2 } mechanism
                       items { name } } } } }"""
    both = gql(query, {"f": {"donors": ["US"], "recipients": ["UA"], "currencies": ["usd"]}})
    amounts = sorted(float(e["node"]["amount"]) for e in both["aidPackages"]["edges"])
    assert amounts == [275_000_000, 2_000_000_000]
    himars = gql(query, {"f": {"people": ["joe-biden"]}})["aidPackages"]["edges"]
    assert [i["name"] for i in himars[0]["node"]["items"]] == ["HIMARS"]
    assert himars[0]["node"]["mechanism"] == "Presidential Drawdown Authority"
    assert gql(query, {"f": {"donors": ["GB"]}})["aidPackages"]["totalCount"] == 0


def test_people_search_matches_alias_spellings(gql: GraphQL) -> None:
    query = """query($name: String) { people(filter: {name: $name}) {
        edges { node { key name aliases } } } }"""
    found = gql(query, {"name": "Dimitro"})["people"]["edges"]
    assert [e["node"]["name"] for e in found] == ["Dmytro Kuleba"]
    assert "Dimitro Kuleba" in found[0]["node"]["aliases"]


def test_country_search_matches_metonyms(gql: GraphQL) -> None:
    query = """query($name: String) { countries(filter: {name: $name}) {
        edges { node { iso2 } } } }"""
    assert [e["node"]["iso2"] for e in gql(query, {"name": "Kremlin"})["countries"]["edges"]] == [
        "RU"
    ]
    kiev = gql(query, {"name": "Kiev"})["countries"]["edges"]
    assert [e["node"]["iso2"] for e in kiev] == ["UA"]
    with_facts = gql("{ countries(filter: {hasFacts: true}, first: 100) { totalCount } }")
    assert with_facts["countries"]["totalCount"] >= 3
