"""Checks run before execution: unknown fragments, fragment expansion, page sizes, cost."""

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)
from strawberry.extensions import SchemaExtension

from schema.cost import fragments_of, measure_query

if TYPE_CHECKING:
    from schema.limits import GraphQLLimits

MAX_NESTING = 200
"""Deepest nesting of selections once fragments are inlined (graphql-core parses up to 200)."""


def inlined_size(document: DocumentNode) -> tuple[int, int]:
    """Selections the operations make, and how many levels deep, once fragments are inlined.

    Memoized per fragment, so linear in the document (cycles count as empty). Strawberry's depth
    and alias limiters walk each spread anew: fragments that each spread the next twice are small
    to send but exponential to walk, and a long chain of fragments nests deeper than the parser
    would ever allow; both are refused with this before those limiters run. May raise
    RecursionError on absurd nesting, which the caller treats as too deep.
    """
    fragments = fragments_of(document)
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


def _unknownfragments_of(document: DocumentNode) -> list[GraphQLError]:
    """Spreads of undefined fragments (Strawberry's depth limiter fails on them with KeyError)."""
    known = fragments_of(document)
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

    def __init__(self, limits: "GraphQLLimits") -> None:
        self.limits = limits

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            errors = _unknownfragments_of(document) or self.size_errors(document)
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
    limits: "GraphQLLimits", variables: Mapping[str, Any] | None, operation_name: str | None
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
