"""Abuse limits reject a document before any resolver runs; query cost follows GitHub's model."""

import asyncio
import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from graphql import get_introspection_query, parse
from starlette.testclient import TestClient
from strawberry.types import ExecutionResult

from schema.context import RateLimitStatus
from schema.cost import measure_query, query_cost
from schema.limits import GraphQLLimits
from schema.schema import build_schema
from schema.schema import schema as default_schema
from schema.validation import inlined_size
from tests.conftest import HEADLINE, GraphQL, StatementCounter

GQL_RESPONSE = "application/graphql-response+json"
GRAPHQL_SCHEMA = default_schema._schema


class NoResolvers:
    """A context no resolver may touch: any use fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"a resolver ran and used context.{name}")


def execute(
    limits: GraphQLLimits, query: str, variables: dict[str, Any] | None = None
) -> ExecutionResult:
    return asyncio.run(
        build_schema(limits).execute(query, variable_values=variables, context_value=NoResolvers())
    )


def rejected(result: ExecutionResult) -> str:
    """The one error of a document refused before execution."""
    assert result.data is None
    assert result.errors is not None and len(result.errors) == 1, result.errors
    assert result.errors[0].path is None
    return result.errors[0].message


def cost(query: str, variables: dict[str, Any] | None = None, schema: bool = True) -> int:
    return query_cost(parse(query), variables, schema=GRAPHQL_SCHEMA if schema else None)


def nested_places(levels: int) -> str:
    parents = "parent { " * levels + "name" + " }" * levels
    return "{ places(first: 1) { edges { node { " + parents + " } } } }"


def aliases(count: int, field: str = "__typename") -> str:
    return " ".join(f"a{i}: {field}" for i in range(count))


DEEP_LISTS = """{ countries(first: 100) { edges { node {
  people { statements { article { policyDecisions { evidence { quote } } } } }
} } } }"""  # 100 + 1,000 + 10,000 + 100,000 + 1,000,000 nodes -> 11,111 points

# Each is over a default limit; the message names the limit.
OVER_DEFAULT_LIMITS = {
    "depth": ({"query": nested_places(8)}, "exceeds maximum operation depth of 10"),
    "aliases": (
        {"query": "{ " + aliases(16, "countries(first: 1) { totalCount }") + " }"},
        "16 aliases found. Allowed: 15",
    ),
    "aliases in a fragment": (
        {"query": "{ ...F } fragment F on Query { " + aliases(16) + " }"},
        "16 aliases found. Allowed: 15",
    ),
    "tokens": (
        {"query": "{ countries(first: 1) { " + "totalCount " * 2001 + "} }"},
        "Document contains more than 2000 tokens",
    ),
    "cost": ({"query": DEEP_LISTS}, "query cost 11111 exceeds the maximum of 5000 points"),
    "page size": (
        {"query": "{ countries(first: 101) { totalCount } }"},
        "`first` must be between 0 and 100 (the maximum page size), got 101",
    ),
    "page size in a variable": (
        {
            "query": "query($n: Int!) { ...F } fragment F on Query { countries(first: $n) { totalCount } }",  # noqa: E501
            "variables": {"n": 101},
        },
        "`first` must be between 0 and 100 (the maximum page size), got 101",
    ),
    "fragment expansion": (
        {
            "query": "{ ...F0 } "
            + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(60))
            + " fragment F60 on Query { __typename }"
        },
        "more than the maximum of 2000 (the token limit)",
    ),
}


@pytest.mark.parametrize("limit", OVER_DEFAULT_LIMITS)
def test_over_a_default_limit_is_a_400_before_any_sql(
    client: TestClient, count_queries: StatementCounter, limit: str
) -> None:
    body, message = OVER_DEFAULT_LIMITS[limit]
    response = client.post("/graphql", json=body, headers={"accept": GQL_RESPONSE})
    assert response.status_code == 400, response.text
    result = response.json()
    assert result.get("data") is None
    assert [message in e["message"] for e in result["errors"]] == [True], result
    assert count_queries.count == 0, count_queries.statements


def test_the_statement_counter_sees_allowed_queries(
    gql: GraphQL, count_queries: StatementCounter
) -> None:
    gql("{ countries(first: 1) { totalCount } }")
    assert count_queries.count > 0


def test_legacy_accept_gets_the_same_error_with_200(client: TestClient) -> None:
    body, message = OVER_DEFAULT_LIMITS["cost"]
    response = client.post("/graphql", json=body)
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"] == message


def test_just_under_the_default_limits_runs(gql: GraphQL) -> None:
    assert gql(nested_places(7))["places"]["edges"] is not None
    assert len(gql("{ " + aliases(15) + " }")) == 15
    assert gql("{ countries(first: 100) { totalCount } }")["countries"]["totalCount"] == 249


def test_headline_query_is_allowed_and_cheap(gql: GraphQL) -> None:
    assert measure_query(parse(HEADLINE), schema=GRAPHQL_SCHEMA).nodes == 50 + 50 * 10
    assert cost(HEADLINE) == 6
    assert gql(HEADLINE)["policyDecisions"]["totalCount"] >= 2


def test_depth_limit() -> None:
    limits = GraphQLLimits(max_depth=3)
    assert execute(limits, "{ __typename }").errors is None
    message = rejected(execute(limits, "{ countries { edges { node { people { name } } } } }"))
    assert message == "'anonymous' exceeds maximum operation depth of 3"


def test_depth_counts_fragments() -> None:
    query = "{ countries { ...C } } fragment C on CountryConnection { edges { node { name } } }"
    assert "maximum operation depth of 2" in rejected(execute(GraphQLLimits(max_depth=2), query))


def test_alias_limit_directly() -> None:
    limits = GraphQLLimits(max_aliases=2)
    assert execute(limits, "{ " + aliases(2) + " }").errors is None
    assert rejected(execute(limits, "{ " + aliases(3) + " }")) == "3 aliases found. Allowed: 2"


def test_aliases_hidden_in_fragments_count() -> None:
    # The 0.315.7 fix: MaxAliasesLimiter follows named and inline fragments.
    limits = GraphQLLimits(max_aliases=2)
    in_fragment = "{ ...F } fragment F on Query { " + aliases(3) + " }"
    assert rejected(execute(limits, in_fragment)) == "3 aliases found. Allowed: 2"
    nested = """{ ...A }
      fragment A on Query { a: __typename ...B }
      fragment B on Query { ... on Query { b: __typename } ...C }
      fragment C on Query { c: __typename }"""
    assert rejected(execute(limits, nested)) == "3 aliases found. Allowed: 2"
    spread_twice = "{ ...F x: __typename } fragment F on Query { a: __typename }"
    assert execute(limits, spread_twice).errors is None


def test_token_limit() -> None:
    limits = GraphQLLimits(max_tokens=20)
    assert execute(limits, "{ a: __typename b: __typename }").errors is None
    message = rejected(execute(limits, "{ " + "__typename " * 20 + "}"))
    assert "Document contains more than 20 tokens" in message


def test_cost_limit() -> None:
    limits = GraphQLLimits(max_cost=10)
    query = "{ countries(first: 100) { edges { node { people { name } } } } }"  # 1,100 nodes
    assert rejected(execute(limits, query)) == "query cost 11 exceeds the maximum of 10 points"
    assert cost("{ countries(first: 90) { edges { node { people { name } } } } }") == 10  # 990


def test_cost_uses_the_variables() -> None:
    limits = GraphQLLimits(max_cost=10)
    query = "query($n: Int!) { countries(first: $n) { edges { node { people { name } } } } }"
    assert "query cost 11" in rejected(execute(limits, query, {"n": 100}))


def test_page_size_limit_is_checked_before_execution() -> None:
    limits = GraphQLLimits(max_page_size=10)
    query = "query($n: Int = 11) { places(first: $n) { totalCount } }"
    message = rejected(execute(limits, query))
    assert message == "`first` must be between 0 and 10 (the maximum page size), got 11"
    assert "got -1" in rejected(execute(limits, query, {"n": -1}))


def test_introspection_is_allowed_by_default() -> None:
    result = execute(GraphQLLimits(), get_introspection_query())
    assert result.errors is None and result.data is not None
    assert result.data["__schema"]["queryType"]["name"] == "Query"


def test_introspection_can_be_switched_off() -> None:
    limits = GraphQLLimits(introspection=False)
    result = execute(limits, get_introspection_query())
    assert result.data is None and result.errors
    assert all("introspection has been disabled" in e.message for e in result.errors)
    message = rejected(execute(limits, '{ __type(name: "Query") { name } }'))
    assert "introspection has been disabled" in message
    assert execute(limits, "{ __typename }").errors is None


def test_batched_list_bodies_are_refused(
    client: TestClient, count_queries: StatementCounter
) -> None:
    query = {"query": "{ countries(first: 1) { totalCount } }"}
    response = client.post("/graphql", json=[query, query])
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "Batching is not enabled"
    assert count_queries.count == 0


def test_unknown_fragments_keep_the_standard_message() -> None:
    # QueryDepthLimiter raises KeyError on them; the limiter reports them first.
    assert rejected(execute(GraphQLLimits(), "{ ...Nope }")) == "Unknown fragment 'Nope'."


def test_fragment_bombs_are_refused() -> None:
    levels = 120
    query = (
        "{ ...F0 } "
        + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))
        + f" fragment F{levels} on Query {{ __typename }}"
    )
    # Counted without inlining: an exponential expansion would never return.
    message = rejected(execute(GraphQLLimits(), query))
    selections, depth = inlined_size(parse(query))
    assert (selections, depth) == (3 * 2**levels - 1, levels + 2)
    assert message == (
        f"the document makes {selections} selections once its fragments are inlined, "
        "more than the maximum of 2000 (the token limit)"
    )
    assert cost(query) == 1


@pytest.mark.parametrize("fields", ["", "people { nationality { "])
def test_long_fragment_chains_are_refused_without_recursing_to_death(fields: str) -> None:
    levels = 400
    close = " }" * fields.count("{")
    query = (
        "{ countries { edges { node { ...F0 } } } } "
        + " ".join(
            f"fragment F{i} on Country {{ {fields}...F{i + 1}{close} }}" for i in range(levels)
        )
        + f" fragment F{levels} on Country {{ name }}"
    )
    message = rejected(execute(GraphQLLimits(max_tokens=100_000), query))
    assert message == (
        "the document is nested too deeply once its fragments are inlined (more than 200 levels)"
    )


# query_cost: GitHub's model, in nodes / 100 rounded up, at least 1.


def test_cost_of_one_connection() -> None:
    assert cost("{ countries(first: 50) { edges { node { name } } } }") == 1
    assert cost("{ countries(first: 50) { edges { node { name } } } }", schema=False) == 1
    assert cost("{ countries { totalCount } }") == 1
    assert cost("{ __typename }") == 1


def test_cost_of_nested_connections_multiplies() -> None:
    query = "{ a(first: 100) { edges { node { b(first: 100) { edges { node { id } } } } } } }"
    assert measure_query(parse(query)).nodes == 100 + 100 * 100
    assert cost(query, schema=False) == 101
    no_first = "{ a { edges { node { b { edges { node { id } } } } } } }"
    assert measure_query(parse(no_first)).nodes == 20 + 20 * 20


def test_cost_of_plain_lists() -> None:
    # countries: 100 nodes; people: 10 per country; statements: 10 per person.
    query = "{ countries(first: 100) { edges { node { people { statements { quote } } } } } }"
    assert measure_query(parse(query), schema=GRAPHQL_SCHEMA).nodes == 100 + 1_000 + 10_000
    assert cost(query) == 111
    # `edges` are the connection's own nodes; single objects and lists of scalars are free
    assert cost("{ countries(first: 100) { edges { node { aliases { alias } } } } }") == 11
    assert cost('{ person(slug: "x") { nationality { name } aliases } }') == 1


def test_cost_follows_fragments() -> None:
    inline = "{ countries(first: 100) { edges { node { ... on Country { people { name } } } } } }"
    named = """{ countries(first: 100) { ...Page } }
      fragment Page on CountryConnection { edges { node { ...People } } }
      fragment People on Country { people { name } }"""
    assert cost(inline) == cost(named) == 11
    twice = """{ countries(first: 100) { edges { node { ...People ...People ...More } } } }
      fragment People on Country { people { name } }
      fragment More on Country { ...People }"""
    assert cost(twice) == 11  # one fragment counts once per selection set, as execution merges it
    reused = """{ a: countries(first: 100) { ...Page } b: countries(first: 100) { ...Page } }
      fragment Page on CountryConnection { edges { node { people { name } } } }"""
    assert cost(reused) == 22


def test_cost_resolves_variables_and_their_defaults() -> None:
    query = "query($n: Int = 100) { countries(first: $n) { edges { node { people { name } } } } }"
    assert cost(query) == 11
    assert cost(query, {"n": 10}) == 2  # 10 + 100 nodes
    assert cost(query, {"n": "junk"}) == 3  # not an Int: execution refuses it; priced at 20
    assert cost("query($n: Int!) { countries(first: $n) { totalCount } }") == 1


def test_cost_picks_the_named_operation() -> None:
    document = parse("""
      query Small { countries(first: 1) { totalCount } }
      query Big { countries(first: 100) { edges { node { people { name } } } } }""")
    assert query_cost(document, None, "Small", schema=GRAPHQL_SCHEMA) == 1
    assert query_cost(document, None, "Big", schema=GRAPHQL_SCHEMA) == 11
    assert query_cost(document, None, None, schema=GRAPHQL_SCHEMA) == 11  # costliest


def test_cost_survives_fragment_cycles() -> None:
    query = """{ countries(first: 100) { edges { node { ...A } } } }
      fragment A on Country { people { nationality { ...B } } }
      fragment B on Country { ...A people { name } }"""
    assert cost(query) >= 1
    assert cost(query, schema=False) >= 1
    assert cost("{ ...A } fragment A on Query { ...A }") == 1


# Settings.


def test_limits_from_the_environment() -> None:
    assert GraphQLLimits.from_env({}) == GraphQLLimits()
    limits = GraphQLLimits.from_env(
        {
            "FRONTLINE_GRAPHQL_MAX_DEPTH": "12",
            "FRONTLINE_GRAPHQL_MAX_ALIASES": "0",
            "FRONTLINE_GRAPHQL_MAX_TOKENS": "5000",
            "FRONTLINE_GRAPHQL_MAX_COST": "100",
            "FRONTLINE_GRAPHQL_INTROSPECTION": "off",
        }
    )
    assert limits == GraphQLLimits(
        max_depth=12, max_aliases=0, max_tokens=5000, max_cost=100, introspection=False
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FRONTLINE_GRAPHQL_MAX_DEPTH", "deep"),
        ("FRONTLINE_GRAPHQL_MAX_DEPTH", "0"),
        ("FRONTLINE_GRAPHQL_MAX_ALIASES", "-1"),
        ("FRONTLINE_GRAPHQL_MAX_TOKENS", "1.5"),
        ("FRONTLINE_GRAPHQL_MAX_COST", "0"),
        ("FRONTLINE_GRAPHQL_INTROSPECTION", "maybe"),
    ],
)
def test_bad_limits_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ValueError, match=name):
        GraphQLLimits.from_env({name: value})


# rateLimit.


def test_rate_limit_is_null_without_a_window_on_the_context() -> None:
    result = asyncio.run(
        default_schema.execute(
            "{ rateLimit { limit cost remaining resetAt } }",
            context_value=SimpleNamespace(rate_limit=None),
        )
    )
    assert result.errors is None
    assert result.data == {"rateLimit": None}


def test_rate_limit_reports_the_window_on_the_context() -> None:
    status = RateLimitStatus(
        limit=5000, remaining=4994, reset_at=dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC), cost=6
    )
    result = asyncio.run(
        default_schema.execute(
            "{ rateLimit { limit cost remaining resetAt } }",
            context_value=SimpleNamespace(rate_limit=status),
        )
    )
    assert result.errors is None
    assert result.data == {
        "rateLimit": {
            "limit": 5000,
            "cost": 6,
            "remaining": 4994,
            "resetAt": "2024-06-01T12:00:00+00:00",
        }
    }
