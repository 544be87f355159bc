"""Global IDs: stable, opaque, and resolvable with node(id:) for every type."""

import base64

from tests.conftest import GraphQL

NODE = """query($id: ID!) { node(id: $id) { __typename id } }"""

LISTS = {
    "Agreement": "agreements",
    "AidPackage": "aidPackages",
    "Article": "articles",
    "Country": "countries",
    "Event": "events",
    "Evidence": "evidence",
    "Organization": "organizations",
    "Place": "places",
    "PolicyDecision": "policyDecisions",
    "Statement": "statements",
    "Topic": "topics",
    "Person": "people",
}


def test_node_resolves_an_id_of_every_type(gql: GraphQL) -> None:
    for type_name, field in LISTS.items():
        data = gql(f"{{ {field}(first: 1) {{ edges {{ node {{ id }} }} }} }}")
        node_id = data[field]["edges"][0]["node"]["id"]
        found = gql(NODE, {"id": node_id})["node"]
        assert found == {"__typename": type_name, "id": node_id}


def test_person_role_ids_resolve(gql: GraphQL) -> None:
    roles = gql('{ person(slug: "sabrina-singh") { roles { id title } } }')["person"]["roles"]
    assert roles[0]["title"] == "Deputy Pentagon Press Secretary"
    assert gql(NODE, {"id": roles[0]["id"]})["node"]["__typename"] == "PersonRole"


def test_ids_are_stable_slugs_not_row_numbers(gql: GraphQL) -> None:
    uk = gql('{ country(code: "GB") { id } }')["country"]["id"]
    assert base64.urlsafe_b64decode(uk + "==").decode() == "Country:GB"


def test_unknown_id_of_a_known_shape_is_null(gql: GraphQL) -> None:
    for raw in ["Country:XX", "Nothing:here"]:
        encoded = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        assert gql(NODE, {"id": encoded})["node"] is None


def test_malformed_id_is_a_clear_error(gql: GraphQL) -> None:
    for bad in ["???", "bm9jb2xvbg", ""]:
        body = gql(NODE, {"id": bad}, errors=True)
        assert "is not a valid ID" in body["errors"][0]["message"]
        assert body["data"] is None or body["data"]["node"] is None
