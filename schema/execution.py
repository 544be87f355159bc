"""graphql-core's executor with a fast path for plain scalar fields (most of a large answer)."""

import weakref
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

# A leaf field whose value is an attribute of its parent: (attribute, serialize, nullable).
LeafPlan = tuple[str, Any, bool]
NOT_PLAIN = ("", None, False)


def leaf_plan(field: GraphQLField) -> LeafPlan:
    """How to answer `field` without a resolver call; NOT_PLAIN when it needs the full path
    (a resolver, arguments, field extensions, a list or an object type)."""
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or field.args or not getattr(definition, "is_basic_field", False):
        return NOT_PLAIN
    if getattr(definition, "default_resolver", getattr) is not getattr:
        return NOT_PLAIN
    type_ = field.type
    nullable = not isinstance(type_, GraphQLNonNull)
    named = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if not isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return NOT_PLAIN
    return definition.python_name, named.serialize, nullable


class ExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Answers plain scalar fields (an attribute of the parent, serialized) inline: no resolve
    info, no resolver call, no Strawberry wrapper. Anything unusual (a null in a non-null
    field, a value that does not serialize) takes graphql-core's own path, which reports it
    exactly as before. Off when an extension hooks field resolution (it would be skipped)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hooked = bool(getattr(self.middleware_manager, "middlewares", ()))
        self.leaf_plans: dict[tuple[str, str], LeafPlan] | None = (
            None if hooked else _PLANS.setdefault(self.schema, {})
        )

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        plans = self.leaf_plans
        if plans is not None:
            name = field_details_list[0].node.name.value
            plan = plans.get((parent_type.name, name))
            if plan is None:
                field = self.schema.get_field(parent_type, name)
                plan = leaf_plan(field) if field is not None else NOT_PLAIN
                plans[(parent_type.name, name)] = plan
            attribute, serialize, nullable = plan
            if serialize is not None:
                value = getattr(source, attribute, Undefined)
                if value is None:
                    if nullable:
                        return None
                elif value is not Undefined:
                    try:
                        serialized = serialize(value)
                    except Exception:  # the full path reports it properly
                        serialized = None
                    if serialized is not None and serialized is not Undefined:
                        return serialized
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


# Per schema (types are named alike in every schema, their fields may differ); weak, so a
# schema built for a test does not live on through its plans.
_PLANS: "weakref.WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], LeafPlan]]" = (
    weakref.WeakKeyDictionary()
)
