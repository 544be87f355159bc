"""Dates known to a precision: '2024', '2024-05' or '2024-05-30', with their bounds."""

import calendar
import dataclasses
import datetime as dt
import re

from db.enums import Precision

_PATTERNS = {
    Precision.YEAR: re.compile(r"^\d{4}$"),
    Precision.MONTH: re.compile(r"^\d{4}-\d{2}$"),
    Precision.DAY: re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}


@dataclasses.dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date with a precision; `earliest`/`latest` are the days it can mean."""

    value: str
    precision: Precision

    def __post_init__(self) -> None:
        if not _PATTERNS[self.precision].match(self.value):
            raise ValueError(f"date {self.value!r} does not match precision {self.precision}")
        self.earliest  # noqa: B018 - validates month and day ranges early

    @property
    def earliest(self) -> dt.date:
        """First day the value can mean."""
        parts = [int(p) for p in self.value.split("-")]
        if self.precision is Precision.YEAR:
            return dt.date(parts[0], 1, 1)
        if self.precision is Precision.MONTH:
            return dt.date(parts[0], parts[1], 1)
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def latest(self) -> dt.date:
        """Last day the value can mean."""
        start = self.earliest
        if self.precision is Precision.YEAR:
            return dt.date(start.year, 12, 31)
        if self.precision is Precision.MONTH:
            return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        return start

    @classmethod
    def parse(cls, value: str, precision: str | None = None) -> "FuzzyDate":
        """Read ISO text, inferring the precision from its shape when not given."""
        if precision is not None:
            return cls(value, Precision(precision))
        for candidate, pattern in _PATTERNS.items():
            if pattern.match(value):
                return cls(value, candidate)
        raise ValueError(f"not an ISO date, month or year: {value!r}")

    @classmethod
    def from_columns(cls, value: str | None, precision: str | None) -> "FuzzyDate | None":
        """Rebuild from the two stored columns (both null means unknown)."""
        if value is None or precision is None:
            return None
        return cls(value, Precision(precision))
