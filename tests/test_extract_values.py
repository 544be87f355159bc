"""Money and dates as news copy writes them (sentences written for these tests)."""

from decimal import Decimal

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract.dates import find_dates
from ingest.extract.money import find_money, resolve_currency

FRIDAY = FuzzyDate("2024-05-31", Precision.DAY)
MAY = FuzzyDate("2024-05", Precision.MONTH)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("The ministry unveiled a $275 million tranche.", "275000000", "USD"),
        ("Officials spoke of two billion dollars in new help.", "2000000000", "USD"),
        ("Rome found €500m for shells.", "500000000", "EUR"),
        ("London promised £3bn a year.", "3000000000", "GBP"),
        ("Stockholm set aside SEK 13.3 billion.", "13300000000", "SEK"),
        ("Oslo added NOK 1.5bn for drones.", "1500000000", "NOK"),
        ("Ottawa pledged C$500 million.", "500000000", "CAD"),
        ("An additional $225m was approved.", "225000000", "USD"),
        ("Berlin earmarked 2.5 billion euros.", "2500000000", "EUR"),
        ("Copenhagen approved 7 billion Danish kroner.", "7000000000", "DKK"),
        ("The fund holds half a billion euros.", "500000000", "EUR"),
    ],
)
def test_money_shapes(text: str, amount: str, currency: str) -> None:
    (found,) = find_money(text)
    assert (found.amount, found.currency) == (Decimal(amount), currency)
    assert text[found.start : found.end] == found.text


def test_money_per_year_conversion_and_crowns() -> None:
    yearly, converted = find_money("It gives £3bn a year (about $3.8bn) to Kyiv.")
    assert yearly.per_year and not converted.per_year
    (crowns,) = find_money("The cabinet found 1.4 billion kroner for ammunition.")
    assert crowns.currency == "KR?"
    assert resolve_currency(crowns.currency, "NO") == "NOK"
    assert resolve_currency(crowns.currency, None) is None
    assert find_money("They lost two euros and a dollar.") == []


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("The newspaper reported it on Thursday.", FRIDAY, "2024-05-30", "DAY"),
        ("She spoke this Thursday in Brussels.", FRIDAY, "2024-05-30", "DAY"),
        ("Late last week the cabinet agreed.", FRIDAY, "2024-05", "MONTH"),
        ("At the beginning of the month the envoy came.", FRIDAY, "2024-05", "MONTH"),
        ("Two days ago the rules changed.", FRIDAY, "2024-05-29", "DAY"),
        ("Last month the premier said so.", FRIDAY, "2024-04", "MONTH"),
        ("He decided on 12 May 2024.", None, "2024-05-12", "DAY"),
        ("In early March the minister wavered.", FRIDAY, "2024-03", "MONTH"),
        ("Since February 2022 nothing moved.", None, "2022-02", "MONTH"),
        ("He will travel on Monday.", FRIDAY, "2024-06-03", "DAY"),
    ],
)
def test_dates(text: str, published: FuzzyDate | None, value: str, precision: str) -> None:
    (hit,) = [h for h in find_dates(text, 0, published) if h.date is not None]
    assert hit.date == FuzzyDate(value, Precision(precision))


def test_relative_dates_keep_only_the_precision_the_text_supports() -> None:
    (days_ago,) = find_dates("Days ago the veto fell.", 0, MAY)
    assert days_ago.date is not None and days_ago.date.precision is Precision.YEAR
    (no_anchor,) = find_dates("It happened yesterday.", 0, None)
    assert no_anchor.date is None  # no publication date: a relative phrase gives no date
    assert find_dates("You may go now.", 0, FRIDAY) == []
