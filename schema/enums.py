"""GraphQL enums, the same vocabularies as the database."""

import strawberry

from db import enums

strawberry.enum(enums.Precision, name="DatePrecision", description="How much of a date is known.")
DatePrecision = enums.Precision
strawberry.enum(
    enums.DateBasis,
    description="What a fact's date stands for: decided, announced, first reported, occurred.",
)
DateBasis = enums.DateBasis
strawberry.enum(
    enums.PolicyAction,
    description=(
        "LIFTED: allowed with at most general conditions; EASED: allowed with specific limits; "
        "MAINTAINED: the restriction stays; REFUSED: declines a specific capability; "
        "ADVOCATED: urges others to lift limits without a decision of its own."
    ),
)
PolicyAction = enums.PolicyAction
strawberry.enum(
    enums.FactStatus,
    description="REPORTED, CONFIRMED (on the record), DISPUTED (disputing evidence), DENIED.",
)
FactStatus = enums.FactStatus
strawberry.enum(enums.Stance, description="Whether a quote supports or disputes its fact.")
Stance = enums.Stance
strawberry.enum(enums.AidKind, description="The nature of an aid package.")
AidKind = enums.AidKind
strawberry.enum(
    enums.CountryAliasKind, description="How coverage names a country: name, demonym, capital..."
)
CountryAliasKind = enums.CountryAliasKind
strawberry.enum(
    enums.StatementKind, description="DIRECT quotation or PARAPHRASE (reported speech)."
)
StatementKind = enums.StatementKind
strawberry.enum(
    enums.AgreementStatus, description="Where an agreement stands according to its evidence."
)
AgreementStatus = enums.AgreementStatus
strawberry.enum(
    enums.ReviewStatus,
    description="Where a fact stands in review. PROPOSED: extracted, awaiting review; APPROVED: "
    "a reviewer accepted it; REJECTED: a reviewer turned it down; CURATED: hand-curated seed "
    "data. Reads show APPROVED and CURATED facts unless asked for others.",
)
ReviewStatus = enums.ReviewStatus
