"""Parsed GraphQL documents and their clean validations, remembered per query text (bounded LRU)."""

import collections
import functools
from collections.abc import Hashable, Iterator
from typing import Any

import orjson
from graphql import DocumentNode, parse
from strawberry.extensions import SchemaExtension

MAX_DOCUMENTS = 256
"""Distinct query texts kept: clients send a handful of operations over and over; a flood of
unique texts only evicts entries, it cannot grow memory."""


@functools.lru_cache(maxsize=MAX_DOCUMENTS)
def parse_document(query: str, max_tokens: int | None = None) -> DocumentNode:
    """graphql-core's parse, memoized: documents are never mutated after parsing, so one parse
    serves every request with the same text (a syntax error raises and is not cached)."""
    return parse(query, max_tokens=max_tokens)


def variables_key(variables: object) -> str:
    """A stable text for a request's variables (key order does not change the answer)."""
    try:
        return orjson.dumps(variables, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return repr(variables)


class Remembered:
    """A bounded LRU of values by key, for one schema."""

    def __init__(self, max_entries: int = MAX_DOCUMENTS) -> None:
        self.max_entries = max_entries
        self._entries: collections.OrderedDict[Hashable, Any] = collections.OrderedDict()

    def get(self, key: Hashable) -> Any:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


class DocumentCache(SchemaExtension):
    """Skips parsing and validation for a (query, operation, variables) already validated clean
    by this schema: validation (limits and cost included) is a pure function of those three and
    the schema, and was most of the work of answering a small query. Failed validations are not
    remembered, so their errors are always fresh."""

    def __init__(self, validated: Remembered) -> None:
        self.validated = validated

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            context.graphql_document = parse_document(
                context.query, context.parse_options.get("max_tokens")
            )
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        key = (context.query, context.operation_name, variables_key(context.variables))
        if context.pre_execution_errors is None and self.validated.get(key):
            context.pre_execution_errors = []  # Strawberry then skips validation
            yield
            return
        yield
        if context.pre_execution_errors == []:
            self.validated.put(key, True)
