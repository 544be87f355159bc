"""Column helpers shared by the models: enums stored as checked strings, fuzzy dates."""

import datetime as dt
import enum

from sqlalchemy import Date, Enum, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from db.enums import DateBasis, Precision, ReviewStatus
from db.fuzzy_date import FuzzyDate


def enum_column(kind: type[enum.Enum], name: str) -> Enum:
    """A portable enum: VARCHAR plus a CHECK constraint, no native database type."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class DatedMixin:
    """A fact's date: ISO text at a precision, its bounds for sorting, and what it means."""

    @declared_attr
    def date_value(cls) -> Mapped[str | None]:
        return mapped_column(String(10))

    @declared_attr
    def date_precision(cls) -> Mapped[Precision | None]:
        return mapped_column(enum_column(Precision, "precision"))

    @declared_attr
    def date_earliest(cls) -> Mapped[dt.date | None]:
        return mapped_column(Date, index=True)

    @declared_attr
    def date_latest(cls) -> Mapped[dt.date | None]:
        return mapped_column(Date, index=True)

    @declared_attr
    def date_basis(cls) -> Mapped[DateBasis | None]:
        return mapped_column(enum_column(DateBasis, "date_basis"))

    @property
    def date(self) -> FuzzyDate | None:
        return FuzzyDate.from_columns(self.date_value, self.date_precision)

    def set_date(self, value: FuzzyDate | None, basis: DateBasis | None = None) -> None:
        """Store the value and its bounds together so they never disagree."""
        self.date_value = value.value if value else None
        self.date_precision = value.precision if value else None
        self.date_earliest = value.earliest if value else None
        self.date_latest = value.latest if value else None
        self.date_basis = basis if value else None


def review_status_column() -> Mapped[ReviewStatus]:
    """Review status of a fact; rows that predate review (the curated seed) are CURATED."""
    return mapped_column(
        enum_column(ReviewStatus, "review_status"),
        server_default=ReviewStatus.CURATED.value,
        default=ReviewStatus.CURATED,
        index=True,
    )
