"""Nested relations both ways: country, person and article to their facts and back."""

from tests.conftest import GraphQL, StatementCounter


def test_country_to_its_decisions_and_aid(gql: GraphQL) -> None:
    data = gql(
        """{ country(code: "US") { name aliases { alias kind }
             policyDecisions { action } aidGiven { amount recipient { iso2 } }
             aidReceived { key } } }"""
    )["country"]
    assert {d["action"] for d in data["policyDecisions"]} == {"EASED", "MAINTAINED"}
    assert {a["recipient"]["iso2"] for a in data["aidGiven"]} == {"UA"}
    assert data["aidReceived"] == []
    aliases = {(a["alias"], a["kind"]) for a in data["aliases"]}
    assert ("North American", "DEMONYM") in aliases
    assert ("Washington", "CAPITAL") in aliases


def test_person_to_roles_statements_and_decisions(gql: GraphQL) -> None:
    blinken = gql(
        """{ person(slug: "antony-blinken") { name nationality { iso2 }
             roles { title country { iso2 } evidence { quote } }
             statements { quote kind article { id } }
             aidAnnounced { amount } decisions { key } } }"""
    )["person"]
    assert blinken["roles"][0]["title"] == "Secretary of State"
    assert blinken["roles"][0]["country"]["iso2"] == "US"
    assert blinken["roles"][0]["evidence"]
    assert any("encourage" in s["quote"] for s in blinken["statements"])
    assert [float(a["amount"]) for a in blinken["aidAnnounced"]] == [2_000_000_000]
    biden = gql('{ person(slug: "joe-biden") { decisions { action } } }')["person"]
    assert [d["action"] for d in biden["decisions"]] == ["EASED"]


def test_article_to_every_fact_it_supports(gql: GraphQL) -> None:
    data = gql(
        """{ articles(first: 10) { edges { node { id title body authors { name }
             evidence { quote start end fact { __typename id } }
             policyDecisions { key } aidPackages { key } statements { quote start end }
             agreements { key } events { key } } } } }"""
    )
    articles = [e["node"] for e in data["articles"]["edges"]]
    assert len(articles) == 5
    for article in articles:
        body = article["body"]
        for span in article["evidence"] + article["statements"]:
            assert body[span["start"] : span["end"]] == span["quote"]
        assert article["evidence"], article["id"]
    zubel = [a for a in articles if a["authors"]]
    assert [a["name"] for a in zubel[0]["authors"]] == ["Maciej Zubel"]
    kinds = {e["fact"]["__typename"] for a in articles for e in a["evidence"]}
    assert kinds == {"PolicyDecision", "AidPackage", "PersonRole", "Agreement", "Event"}


def test_evidence_back_to_fact_and_corroboration(gql: GraphQL) -> None:
    data = gql(
        """{ policyDecisions(filter: {statuses: [DISPUTED]}) { edges { node {
             corroboration { supportingArticles supportingSources disputingQuotes corroborated }
             evidence(stance: DISPUTES) { stance fact { id } } id } } } }"""
    )
    us = data["policyDecisions"]["edges"][0]["node"]
    assert us["corroboration"]["supportingArticles"] == 4
    assert us["corroboration"]["corroborated"] is True
    assert us["corroboration"]["disputingQuotes"] == len(us["evidence"]) >= 1
    assert {e["fact"]["id"] for e in us["evidence"]} == {us["id"]}


def test_nested_lists_batch_their_queries(gql: GraphQL, count_queries: StatementCounter) -> None:
    query = """query($f: CountryFilter) { countries(first: 50, filter: $f) { edges { node {
        policyDecisions { decidedBy { name roles { title } } evidence { article { title } } }
        aidGiven { items { name } } } } } }"""
    # Two countries exercising every level, then all eight with facts.
    gql(query, {"f": {"codes": ["US", "GB"]}})
    two = count_queries.count
    count_queries.count = 0
    data = gql(query, {"f": {"hasFacts": True}})
    assert len(data["countries"]["edges"]) > 2
    assert count_queries.count == two, count_queries.statements


def test_places_and_organizations(gql: GraphQL) -> None:
    kharkiv = gql(
        """{ places(filter: {name: "Kharkiv"}) { edges { node { key kind parent { key }
             children { key } country { iso2 } aliases } } } }"""
    )["places"]["edges"]
    by_key = {e["node"]["key"]: e["node"] for e in kharkiv}
    assert by_key["kharkiv"]["parent"]["key"] == "kharkiv-oblast"
    assert by_key["kharkiv-oblast"]["country"]["iso2"] == "UA"
    nato = gql(
        '{ organizations(filter: {name: "NATO"}) '
        "{ edges { node { key policyDecisions { action } } } } }"
    )["organizations"]["edges"][0]["node"]
    assert [d["action"] for d in nato["policyDecisions"]] == ["ADVOCATED"]
