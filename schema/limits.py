"""Abuse limits checked before any resolver runs: tokens, depth, aliases, page size, query cost.

Query cost follows GitHub's GraphQL model, in nodes: a connection field (its type is a
`...Connection`, or it takes a `first` argument) can return `first` nodes (20 when absent;
variables and their defaults are resolved) for each node of its parent, so nodes multiply down
nested connections. A plain list of objects (`evidence`, `policyDecisions` on `Country`...) has
no `first`: it is priced as `LIST_NODES` (10) nodes per parent node, so it multiplies too. One
batched SQL statement per level would be the price in statements; we price in nodes because
nodes are what the response (and every row fetched) is made of, and a deep chain of lists must
not be free. The nodes of every connection and list are summed, divided by 100 and rounded up,
at least 1 point: `countries(first: 50)` costs 1 point, `a(first: 100) { edges { node {
b(first: 100) {...} } } }` 101 (100 + 100 × 100 nodes), and the headline query 6
(50 decisions + 50 × 10 evidence). `edges`/`nodes` of a connection are its nodes, not another
list; scalars, single objects and introspection fields (`__schema`...) are free.

Fragments, named and inline, are followed; a named fragment counts once per selection set even
when spread there twice (as execution merges it), and fragment cycles end the walk instead of
hanging it. Each fragment is priced once, so the work is linear in the document's size. The
same walk records every `first` so that page sizes are checked before execution too.

Without a schema (e.g. in an HTTP layer that only parsed the body) `query_cost` can only see
connections by their `first` argument or their `edges`, and cannot tell a list from an object:
pass `schema=` to get the number the limits enforce.
"""

import dataclasses
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    ValueNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

DEFAULT_FIRST = 20
"""Nodes a connection is assumed to return when the query gives no `first`."""
LIST_NODES = 10
"""Nodes a plain (unpaginated) list is assumed to return per parent node."""
NODES_PER_POINT = 100
"""GitHub's divisor: 100 requested nodes cost one point."""
MAX_NESTING = 200
"""Deepest nesting of selections once fragments are inlined (graphql-core parses up to 200)."""

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


@dataclasses.dataclass
class QueryMeasure:
    """What an operation asks for: nodes, the cost in points, and every `first` it passes."""

    nodes: int
    page_sizes: list[tuple[int, FieldNode]]

    @property
    def cost(self) -> int:
        return max(1, -(-self.nodes // NODES_PER_POINT))


def query_cost(
    document: DocumentNode,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
    *,
    schema: GraphQLSchema | None = None,
) -> int:
    """The cost in points of the operation that would run (module docstring); pure and fast."""
    return measure_query(document, variables, operation_name, schema=schema).cost


def measure_query(
    document: DocumentNode,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
    *,
    schema: GraphQLSchema | None = None,
) -> QueryMeasure:
    """Nodes and page sizes of the named operation (of the costliest one when unnamed)."""
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
    ]
    measure = QueryMeasure(nodes=0, page_sizes=[])
    for operation in operations:
        walk = _Walk(document, variables or {}, operation, schema)
        measure.nodes = max(measure.nodes, walk.run())
        measure.page_sizes += walk.page_sizes
    return measure


class _Walk:
    """Prices one operation; fragments are priced once each (cost is linear in the multiplier)."""

    def __init__(
        self,
        document: DocumentNode,
        variables: Mapping[str, Any],
        operation: OperationDefinitionNode,
        schema: GraphQLSchema | None,
    ) -> None:
        self.fragments = _fragments(document)
        self.variables = variables
        self.defaults = {
            v.variable.name.value: v.default_value for v in operation.variable_definitions or ()
        }
        self.operation = operation
        self.schema = schema
        self.priced: dict[str, tuple[int, tuple[str, ...]]] = {}
        self.pricing: set[str] = set()
        self.page_sizes: list[tuple[int, FieldNode]] = []

    def run(self) -> int:
        root = self.schema.get_root_type(self.operation.operation) if self.schema else None
        return self.selection_set(self.operation.selection_set, root)

    def selection_set(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None
    ) -> int:
        """Nodes one parent node's selection set asks for, with each fragment counted once."""
        nodes, spreads = self.direct(selection_set, parent)
        seen: set[str] = set()
        while spreads:
            name = spreads.pop()
            if name in seen:
                continue
            seen.add(name)
            fragment_nodes, fragment_spreads = self.fragment(name)
            nodes += fragment_nodes
            spreads += fragment_spreads
        return nodes

    def fragment(self, name: str) -> tuple[int, tuple[str, ...]]:
        """A fragment's own nodes and the fragments it spreads at its top level (memoized)."""
        if name in self.priced:
            return self.priced[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.pricing:
            return 0, ()  # unknown, or a cycle: validation reports both
        self.pricing.add(name)
        nodes, spreads = self.direct(definition.selection_set, self.type_named(definition, None))
        self.pricing.discard(name)
        self.priced[name] = nodes, tuple(spreads)
        return self.priced[name]

    def direct(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None
    ) -> tuple[int, list[str]]:
        """Nodes of the fields at this level (inline fragments included) and the spreads."""
        nodes = 0
        spreads: list[str] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                nodes += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                inner, inner_spreads = self.direct(
                    selection.selection_set, self.type_named(selection, parent)
                )
                nodes += inner
                spreads += inner_spreads
            elif isinstance(selection, FragmentSpreadNode):
                spreads.append(selection.name.value)
        return nodes, spreads

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0
        definition = _field(parent, name)
        size = self.page_size(node, definition)
        if node.selection_set is None:
            return 0
        child = get_named_type(definition.type) if definition is not None else None
        below = self.selection_set(node.selection_set, child)
        if size is not None:
            return size + size * below
        if definition is not None and _is_list(definition) and not _is_connection(parent):
            return LIST_NODES + LIST_NODES * below
        return below

    def page_size(self, node: FieldNode, definition: GraphQLField | None) -> int | None:
        """Nodes a connection field may return; None when the field is not a connection."""
        given = [
            value
            for argument in node.arguments or ()
            if argument.name.value == "first"
            and (value := self.int_value(argument.value)) is not None
        ]
        self.page_sizes += [(value, node) for value in given]
        if given:
            return max(0, given[0])
        if definition is not None:
            first = definition.args.get("first")
            if first is not None:
                default = first.default_value
                if isinstance(default, int) and not isinstance(default, bool):
                    return max(0, default)
                return DEFAULT_FIRST
            return DEFAULT_FIRST if _is_connection(get_named_type(definition.type)) else None
        has_first = any(a.name.value == "first" for a in node.arguments or ())
        has_edges = node.selection_set is not None and any(
            isinstance(s, FieldNode) and s.name.value == "edges"
            for s in node.selection_set.selections
        )
        return DEFAULT_FIRST if has_first or has_edges else None

    def int_value(self, value: ValueNode) -> int | None:
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            name = value.name.value
            if name in self.variables:
                raw = self.variables[name]
                return raw if isinstance(raw, int) and not isinstance(raw, bool) else None
            default = self.defaults.get(name)
            return int(default.value) if isinstance(default, IntValueNode) else None
        return None

    def type_named(
        self, node: InlineFragmentNode | FragmentDefinitionNode, parent: GraphQLNamedType | None
    ) -> GraphQLNamedType | None:
        if node.type_condition is None:
            return parent
        if self.schema is None:
            return None
        return self.schema.get_type(node.type_condition.name.value)


def _field(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def _is_list(definition: GraphQLField) -> bool:
    type_ = definition.type
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _is_connection(type_: GraphQLNamedType | None) -> bool:
    return type_ is not None and type_.name.endswith("Connection")


def inlined_size(document: DocumentNode) -> tuple[int, int]:
    """Selections the operations make, and how many levels deep, once fragments are inlined.

    Memoized per fragment, so linear in the document (cycles count as empty). Strawberry's depth
    and alias limiters walk each spread anew: fragments that each spread the next twice are small
    to send but exponential to walk, and a long chain of fragments nests deeper than the parser
    would ever allow; both are refused with this before those limiters run. May raise
    RecursionError on absurd nesting, which the caller treats as too deep.
    """
    fragments = _fragments(document)
    sizes: dict[str, tuple[int, int]] = {}
    sizing: set[str] = set()

    def size(selection_set: SelectionSetNode | None) -> tuple[int, int]:
        selections, levels = 0, 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FragmentSpreadNode):
                inner = fragment(selection.name.value)
            elif isinstance(selection, FieldNode | InlineFragmentNode):
                inner = size(selection.selection_set)
            else:
                inner = (0, 0)
            selections += 1 + inner[0]
            levels = max(levels, 1 + inner[1])
        return selections, levels

    def fragment(name: str) -> tuple[int, int]:
        if name not in sizes:
            definition = fragments.get(name)
            if definition is None or name in sizing:
                return 0, 0
            sizing.add(name)
            sizes[name] = size(definition.selection_set)
            sizing.discard(name)
        return sizes[name]

    operations = [
        size(d.selection_set)
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    ]
    return sum(o[0] for o in operations), max((o[1] for o in operations), default=0)


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _unknown_fragments(document: DocumentNode) -> list[GraphQLError]:
    """Spreads of undefined fragments (Strawberry's depth limiter fails on them with KeyError)."""
    known = _fragments(document)
    errors = []
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        if isinstance(node, FragmentSpreadNode):
            if node.name.value not in known:
                errors.append(GraphQLError(f"Unknown fragment '{node.name.value}'.", node))
        elif getattr(node, "selection_set", None) is not None:
            stack += node.selection_set.selections
    return errors


class QueryCostLimiter(SchemaExtension):
    """Rejects, before execution, documents over the cost, page-size or fragment-expansion limit.

    Before validation: unknown fragments, and documents whose inlined fragments would nest deeper
    than MAX_NESTING or make more selections than the token limit allows, are refused outright
    (standard validation is then skipped, so the stock depth/alias rules never walk an
    exponential or bottomless fragment tree). Then a validation rule, built per request with its
    variables, checks every `first` and the query cost.
    """

    def __init__(self, limits: GraphQLLimits) -> None:
        self.limits = limits

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            errors = _unknown_fragments(document) or self.size_errors(document)
            if errors:
                context.pre_execution_errors = errors  # Strawberry then skips validation
            else:
                rule = cost_rule(self.limits, context.variables, context.operation_name)
                context.validation_rules = (*context.validation_rules, rule)
        yield

    def size_errors(self, document: DocumentNode) -> list[GraphQLError]:
        try:
            selections, levels = inlined_size(document)
        except RecursionError:
            selections, levels = 0, MAX_NESTING + 1
        if levels > MAX_NESTING:
            message = (
                "the document is nested too deeply once its fragments are inlined "
                f"(more than {MAX_NESTING} levels)"
            )
        elif selections > self.limits.max_tokens:
            message = (
                f"the document makes {selections} selections once its fragments are inlined, "
                f"more than the maximum of {self.limits.max_tokens} (the token limit)"
            )
        else:
            return []
        return [GraphQLError(message)]


def cost_rule(
    limits: GraphQLLimits, variables: Mapping[str, Any] | None, operation_name: str | None
) -> type[ValidationRule]:
    """A validation rule rejecting `first` outside 0..max_page_size and a cost over max_cost."""

    class QueryCostRule(ValidationRule):
        def leave_document(self, node: DocumentNode, *_: Any) -> None:
            measure = measure_query(node, variables, operation_name, schema=self.context.schema)
            cap = limits.max_page_size
            for value, field in measure.page_sizes:
                if not 0 <= value <= cap:
                    self.report_error(
                        GraphQLError(
                            f"`first` must be between 0 and {cap} (the maximum page size), "
                            f"got {value}",
                            field,
                        )
                    )
            if measure.cost > limits.max_cost:
                self.report_error(
                    GraphQLError(
                        f"query cost {measure.cost} exceeds the maximum of {limits.max_cost} points"
                    )
                )

    return QueryCostRule


__all__ = [
    "GraphQLLimits",
    "QueryCostLimiter",
    "QueryMeasure",
    "cost_rule",
    "inlined_size",
    "measure_query",
    "query_cost",
]
