"""What one GraphQL document may ask for (settings), and the extensions enforcing it."""

import dataclasses
import os
from collections.abc import Callable, Mapping

from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from schema.cost import (
    DEFAULT_FIRST,
    LIST_NODES,
    NODES_PER_POINT,
    QueryMeasure,
    measure_query,
    query_cost,
)
from schema.validation import MAX_NESTING, QueryCostLimiter, cost_rule, inlined_size

ExtensionFactory = type[SchemaExtension] | Callable[[], SchemaExtension]


@dataclasses.dataclass(frozen=True)
class GraphQLLimits:
    """What one GraphQL document may ask for; every rejection names the limit it hit."""

    max_depth: int = 10
    max_aliases: int = 15
    max_tokens: int = 2000
    max_cost: int = 5000  # points per query
    max_page_size: int = 100
    introspection: bool = True

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "GraphQLLimits":
        """Read the FRONTLINE_GRAPHQL_* variables; a bad value raises ValueError naming it."""
        env = os.environ if env is None else env
        return cls(
            max_depth=env_int(env, "FRONTLINE_GRAPHQL_MAX_DEPTH", cls.max_depth, 1, 1000),
            max_aliases=env_int(env, "FRONTLINE_GRAPHQL_MAX_ALIASES", cls.max_aliases, 0, 10_000),
            max_tokens=env_int(env, "FRONTLINE_GRAPHQL_MAX_TOKENS", cls.max_tokens, 10, 1_000_000),
            max_cost=env_int(env, "FRONTLINE_GRAPHQL_MAX_COST", cls.max_cost, 1, 1_000_000_000),
            introspection=env_bool(env, "FRONTLINE_GRAPHQL_INTROSPECTION", cls.introspection),
        )

    def extensions(self) -> list[ExtensionFactory]:
        """Strawberry extensions enforcing these limits (factories: one instance per request)."""
        extensions: list[ExtensionFactory] = [
            lambda: MaxTokensLimiter(max_token_count=self.max_tokens),
            lambda: QueryDepthLimiter(max_depth=self.max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=self.max_aliases),
            lambda: QueryCostLimiter(self),
        ]
        if not self.introspection:
            extensions.append(DisableIntrospection)
        return extensions


def env_int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """An integer setting within bounds; ValueError naming the variable otherwise."""
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return value


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    """An on/off setting; ValueError naming the variable otherwise."""
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be on/off (1/0, true/false), got {raw!r}")


__all__ = [
    "DEFAULT_FIRST",
    "LIST_NODES",
    "MAX_NESTING",
    "NODES_PER_POINT",
    "ExtensionFactory",
    "GraphQLLimits",
    "QueryCostLimiter",
    "QueryMeasure",
    "cost_rule",
    "env_bool",
    "env_int",
    "inlined_size",
    "measure_query",
    "query_cost",
]
