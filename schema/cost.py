"""Query cost in nodes and points (GitHub's model), and every `first` a query passes."""

# Query cost follows GitHub's GraphQL model, in nodes: a connection field (its type is a
# `...Connection`, or it takes a `first` argument) can return `first` nodes (20 when absent;
# variables and their defaults are resolved) for each node of its parent, so nodes multiply down
# nested connections. A plain list of objects (`evidence`, `policyDecisions` on `Country`...) has
# no `first`: it is priced as `LIST_NODES` (10) nodes per parent node, so it multiplies too. One
# batched SQL statement per level would be the price in statements; we price in nodes because
# nodes are what the response (and every row fetched) is made of, and a deep chain of lists must
# not be free. The nodes of every connection and list are summed, divided by 100 and rounded up,
# at least 1 point: `countries(first: 50)` costs 1 point, `a(first: 100) { edges { node {
# b(first: 100) {...} } } }` 101 (100 + 100 × 100 nodes), and the headline query 6
# (50 decisions + 50 × 10 evidence). `edges`/`nodes` of a connection are its nodes, not another
# list; scalars, single objects and introspection fields (`__schema`...) are free.
#
# Fragments, named and inline, are followed; a named fragment counts once per selection set even
# when spread there twice (as execution merges it), and fragment cycles end the walk instead of
# hanging it. Each fragment is priced once, so the work is linear in the document's size. The
# same walk records every `first` so that page sizes are checked before execution too.
#
# Without a schema (e.g. in an HTTP layer that only parsed the body) `query_cost` can only see
# connections by their `first` argument or their `edges`, and cannot tell a list from an object:
# pass `schema=` to get the number the limits enforce.

import dataclasses
from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
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
    ValueNode,
    VariableNode,
    get_named_type,
)

DEFAULT_FIRST = 20
"""Nodes a connection is assumed to return when the query gives no `first`."""
LIST_NODES = 10
"""Nodes a plain (unpaginated) list is assumed to return per parent node."""
NODES_PER_POINT = 100
"""GitHub's divisor: 100 requested nodes cost one point."""


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
    """The cost in points of the operation that would run (top of this module); pure, fast."""
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
        self.fragments = fragments_of(document)
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


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
