"""Query-string parameters: declared per route, parsed strictly, errors that name the parameter."""

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from starlette.datastructures import QueryParams

from db.enums import FactStatus, ReviewStatus
from db.queries.search import is_valid_query


class ParamError(ValueError):
    """A query parameter the route does not take (400) or a value it cannot use (422)."""

    def __init__(self, status: int, param: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.param = param
        self.detail = detail


@dataclasses.dataclass(frozen=True)
class Param:
    """One query parameter: how to read a value, and whether a comma list is allowed."""

    parse: Callable[[str], Any]
    many: bool = False
    expects: str = "a value"


def text(value: str) -> str:
    if not value.strip():
        raise ValueError
    return value.strip()


def iso_date(value: str) -> dt.date:
    # fromisoformat also takes 20240501 and week dates; the contract says YYYY-MM-DD only.
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise ValueError
    return dt.date.fromisoformat(value)


def country_code(value: str) -> str:
    if len(value) not in (2, 3) or not value.isalpha():
        raise ValueError
    return value.upper()


def choice(kind: type[enum.Enum]) -> Callable[[str], Any]:
    def parse(value: str) -> Any:
        return kind(value.upper())

    return parse


def boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no"}:
        return False
    raise ValueError


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        number = int(value)
        if not low <= number <= high:
            raise ValueError
        return number

    return parse


def one_of(*values: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value not in values:
            raise ValueError
        return value

    return parse


TEXT = Param(text, expects="non-empty text")
TEXTS = Param(text, many=True, expects="a comma-separated list of non-empty values")
DATE = Param(iso_date, expects="an ISO date (YYYY-MM-DD)")
COUNTRIES = Param(country_code, many=True, expects="ISO 3166-1 alpha-2 codes, comma-separated")
BOOLEAN = Param(boolean, expects="true or false")


def search_text(value: str) -> str:
    if not is_valid_query(value):
        raise ValueError
    return value


SEARCH = Param(search_text, expects="search words (1 to 200 characters)")


def choices(kind: type[enum.Enum]) -> Param:
    names = ", ".join(m.value for m in kind)
    return Param(choice(kind), many=True, expects=f"a comma-separated list of: {names}")


def fact_or_review_status(value: str) -> FactStatus | ReviewStatus:
    """`status=` takes both vocabularies (they share no value): how well a fact is established,
    or where it stands in review."""
    upper = value.upper()
    if upper in ReviewStatus.__members__:
        return ReviewStatus(upper)
    return FactStatus(upper)


_ALL_STATUSES = ", ".join([*(s.value for s in FactStatus), *(s.value for s in ReviewStatus)])
STATUSES = Param(
    fact_or_review_status, many=True, expects=f"a comma-separated list of: {_ALL_STATUSES}"
)
REVIEW = choices(ReviewStatus)


def statuses(values: Mapping[str, Any]) -> tuple[tuple[FactStatus, ...], tuple[ReviewStatus, ...]]:
    """(fact statuses, review statuses) asked by `status=` and `review=` together."""
    given = [*values.get("status", ()), *values.get("review", ())]
    review = tuple(dict.fromkeys(s for s in given if isinstance(s, ReviewStatus)))
    return tuple(s for s in given if isinstance(s, FactStatus)), review


def parse_params(query: QueryParams, spec: Mapping[str, Param]) -> dict[str, Any]:
    """Parse every parameter against `spec`; unknown or repeated ones are errors, never ignored."""
    values: dict[str, Any] = {}
    for name in query:
        if name not in spec:
            allowed = ", ".join(sorted(spec))
            raise ParamError(
                400, name, f"unknown query parameter {name!r}; this route takes: {allowed}"
            )
        raw: Sequence[str] = query.getlist(name)
        param = spec[name]
        if any("\x00" in value for value in raw):
            # No stored text can contain NUL (PostgreSQL refuses it): say so instead of failing.
            raise ParamError(422, name, f"{name} must not contain NUL characters")
        if len(raw) > 1 and not param.many:
            raise ParamError(422, name, f"{name} may be given once, got {len(raw)} values")
        items = [part for value in raw for part in value.split(",")] if param.many else list(raw)
        try:
            parsed = [param.parse(item.strip() if param.many else item) for item in items]
        except (ValueError, KeyError, TypeError):
            shown = ",".join(raw)
            raise ParamError(422, name, f"{name} must be {param.expects}, got {shown!r}") from None
        if param.many and not parsed:
            raise ParamError(422, name, f"{name} must be {param.expects}, got nothing")
        values[name] = tuple(parsed) if param.many else parsed[0]
    return values
