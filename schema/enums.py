"""GraphQL enums, the same vocabularies as the database."""

import strawberry

from db import enums

DatePrecision = strawberry.enum(
    enums.Precision, name="DatePrecision", description="How much of a date is known."
)
DateBasis = strawberry.enum(
    enums.DateBasis,
    description="What a fact's date stands for: decided, announced, first reported, occurred.",
)
PolicyAction = strawberry.enum(
    enums.PolicyAction,
    description=(
        "LIFTED: allowed with at most general conditions; EASED: allowed with specific limits; "
        "MAINTAINED: the restriction stays; REFUSED: declines a specific capability; "
        "ADVOCATED: urges others to lift limits without a decision of its own."
    ),
)
FactStatus = strawberry.enum(
    enums.FactStatus,
    description="REPORTED, CONFIRMED (on the record), DISPUTED (disputing evidence), DENIED.",
)
Stance = strawberry.enum(enums.Stance, description="Whether a quote supports or disputes its fact.")
AidKind = strawberry.enum(enums.AidKind, description="The nature of an aid package.")
CountryAliasKind = strawberry.enum(
    enums.CountryAliasKind, description="How coverage names a country: name, demonym, capital..."
)
StatementKind = strawberry.enum(
    enums.StatementKind, description="DIRECT quotation or PARAPHRASE (reported speech)."
)
AgreementStatus = strawberry.enum(
    enums.AgreementStatus, description="Where an agreement stands according to its evidence."
)
