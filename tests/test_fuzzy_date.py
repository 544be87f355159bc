"""FuzzyDate: ISO text at a precision, with the bounds filters and sorting use."""

import datetime as dt

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate


@pytest.mark.parametrize(
    ("value", "precision", "earliest", "latest"),
    [
        ("2024", Precision.YEAR, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", Precision.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", Precision.MONTH, dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-05-30", Precision.DAY, dt.date(2024, 5, 30), dt.date(2024, 5, 30)),
    ],
)
def test_bounds(value: str, precision: Precision, earliest: dt.date, latest: dt.date) -> None:
    date = FuzzyDate.parse(value)
    assert date.precision is precision
    assert (date.earliest, date.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2024-13", None), ("2024-02-30", None), ("May 2024", None), ("2024-05", "DAY"), ("", None)],
)
def test_invalid_dates_are_rejected(value: str, precision: str | None) -> None:
    with pytest.raises(ValueError):
        FuzzyDate.parse(value, precision)


def test_unknown_is_none() -> None:
    assert FuzzyDate.from_columns(None, None) is None
