"""What a field's selection asks for below it, through fragments (to load it ahead)."""

from collections.abc import Iterable
from typing import Any

from strawberry.types.nodes import SelectedField


def below(fields: Iterable[Any], name: str) -> list[SelectedField]:
    """The selections named `name` directly under `fields`, spreads and inline fragments
    included (their type conditions are ignored: loading too much is only a wasted query)."""
    found: list[SelectedField] = []
    pending: list[Any] = [child for field in fields for child in field.selections]
    while pending:
        child = pending.pop()
        if isinstance(child, SelectedField):
            if child.name == name:
                found.append(child)
        else:
            pending.extend(child.selections)  # a fragment spread or an inline fragment
    return found


def path(fields: Iterable[Any], *names: str) -> list[SelectedField]:
    """The selections reached by following `names` down from `fields`; empty when unselected."""
    current = list(fields)
    for name in names:
        current = below(current, name)
    return current
