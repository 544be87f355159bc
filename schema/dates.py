"""The FuzzyDate type: a date known to a precision."""

import datetime as dt

import strawberry

from db.enums import DateBasis as DbDateBasis
from db.fuzzy_date import FuzzyDate as Value
from schema.enums import DateBasis, DatePrecision


@strawberry.type(description="A date known to a precision; filters and sorting use its bounds.")
class FuzzyDate:
    value: str = strawberry.field(
        description='ISO text at its precision: "2024", "2024-05" or "2024-05-30".'
    )
    precision: DatePrecision = strawberry.field(description="DAY, MONTH or YEAR.")
    earliest: dt.date = strawberry.field(description="First day the value can mean.")
    latest: dt.date = strawberry.field(description="Last day the value can mean.")
    basis: DateBasis | None = strawberry.field(
        description="What the date stands for (decided, announced, first reported, occurred)."
    )

    @classmethod
    def build(cls, value: Value | None, basis: DbDateBasis | None = None) -> "FuzzyDate | None":
        if value is None:
            return None
        return cls(
            value=value.value,
            precision=value.precision,
            earliest=value.earliest,
            latest=value.latest,
            basis=basis,
        )
