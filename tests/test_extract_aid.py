"""Aid packages without an amount, and donors named after the money (sentences written here)."""

from decimal import Decimal

import pytest

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract import extract

FRIDAY = FuzzyDate("2024-06-07", Precision.DAY)


def _aid(body: str) -> set[tuple[str, Decimal | None, str | None, str | None]]:
    return {
        (a.donor, a.amount, a.currency, a.date.value if a.date else None)
        for a in extract(body, published=FRIDAY).aid_packages
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Romania will send Ukraine a second Patriot battery, its defence council said on "
            "Thursday.",
            ("RO", "2024-06-06"),
        ),
        (
            "The Netherlands pledged on Monday to deliver a Patriot system to Kyiv.",
            ("NL", "2024-06-03"),
        ),
        (
            "Norway said on Tuesday it would donate two more NASAMS launchers to Ukraine.",
            ("NO", "2024-06-04"),
        ),
        (
            "Greece announced the transfer of artillery shells to Ukraine on Wednesday.",
            ("GR", "2024-06-05"),
        ),
    ],
)
def test_a_delivery_without_an_amount_is_an_in_kind_package(
    body: str, expected: tuple[str, str]
) -> None:
    donor, date = expected
    assert _aid(body) == {(donor, None, None, date)}


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv wants Spain to send more Patriot missiles to Ukraine.",
        "Could Portugal deliver F-16 jets to Ukraine this summer?",
        "Germany has already sent three Patriot systems to Ukraine so far.",
        "Berlin will not send Taurus missiles to Ukraine, the chancellor said.",
        "Sweden will host talks on air defence with Ukraine's defence minister next week.",
        "Denmark will provide training for Ukrainian pilots on F-16 jets, its minister said.",
        "The US will send Ukraine more Patriot interceptors only if Congress passes the bill.",
        "Canada will send Ukraine the remaining tanks from the package announced in March.",
    ],
)
def test_wishes_questions_totals_and_refusals_are_not_packages(body: str) -> None:
    assert _aid(body) == set()


def test_the_goods_of_a_package_with_an_amount_are_not_a_second_package() -> None:
    body = (
        "Denmark on Monday announced a DKK 2 billion military package for Ukraine. "
        "Copenhagen will deliver artillery shells and air defence systems under it."
    )
    assert _aid(body) == {("DK", Decimal("2000000000"), "DKK", "2024-06-03")}


@pytest.mark.parametrize(
    ("body", "donor", "currency"),
    [
        ("A €300 million package from Belgium, announced on Monday, includes shells.", "BE", "EUR"),
        (
            "Ukraine will receive $150 million in weapons from the United States, officials said.",
            "US",
            "USD",
        ),
    ],
)
def test_a_donor_named_after_the_amount(body: str, donor: str, currency: str) -> None:
    (package,) = extract(body, published=FRIDAY).aid_packages
    assert (package.donor, package.currency) == (donor, currency)


@pytest.mark.parametrize(
    "body",
    [
        "The trip comes as a $20 billion aid bill for Ukraine remains stuck in Congress.",
        "Lawmakers debated the 50 billion euro special fund set up last year to modernise "
        "Germany's own armed forces.",
    ],
)
def test_stuck_bills_and_own_forces_funds_are_not_packages(body: str) -> None:
    assert _aid(body) == set()


def test_committing_a_country_to_a_yearly_sum_is_a_pledge() -> None:
    body = "The premier has committed Britain to £2bn a year in military aid to Ukraine."
    assert {(donor, amount) for donor, amount, _, _ in _aid(body)} == {
        ("GB", Decimal("2000000000"))
    }


def test_a_package_announced_by_a_donor_named_after_a_comma() -> None:
    body = "The package, worth €400 million, was announced by the Dutch government on Monday."
    assert _aid(body) == {("NL", Decimal("400000000"), "EUR", "2024-06-03")}
