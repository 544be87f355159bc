"""Closed vocabularies shared by the models, the loader and the API."""

import enum


class Precision(enum.StrEnum):
    """How much of a date is known."""

    DAY = "DAY"
    MONTH = "MONTH"
    YEAR = "YEAR"


class DateBasis(enum.StrEnum):
    """What a fact's date stands for."""

    DECIDED = "DECIDED"
    ANNOUNCED = "ANNOUNCED"
    FIRST_REPORTED = "FIRST_REPORTED"
    OCCURRED = "OCCURRED"


class PolicyAction(enum.StrEnum):
    """What an actor did about a restriction (definitions in docs/domain.md)."""

    LIFTED = "LIFTED"
    EASED = "EASED"
    MAINTAINED = "MAINTAINED"
    REFUSED = "REFUSED"
    ADVOCATED = "ADVOCATED"


class FactStatus(enum.StrEnum):
    """How well a fact is established by its evidence."""

    REPORTED = "REPORTED"
    CONFIRMED = "CONFIRMED"
    DISPUTED = "DISPUTED"
    DENIED = "DENIED"


class Stance(enum.StrEnum):
    """Whether an evidence quote supports or disputes its fact."""

    SUPPORTS = "SUPPORTS"
    DISPUTES = "DISPUTES"


class AidKind(enum.StrEnum):
    """The nature of an aid package."""

    MILITARY = "MILITARY"
    FINANCIAL = "FINANCIAL"
    HUMANITARIAN = "HUMANITARIAN"


class CountryAliasKind(enum.StrEnum):
    """How coverage may name a country."""

    NAME = "NAME"
    DEMONYM = "DEMONYM"
    CAPITAL = "CAPITAL"
    INSTITUTION = "INSTITUTION"


class StatementKind(enum.StrEnum):
    """Direct quotation or reported speech."""

    DIRECT = "DIRECT"
    PARAPHRASE = "PARAPHRASE"


class AgreementStatus(enum.StrEnum):
    """Where an agreement stands according to its evidence."""

    PLANNED = "PLANNED"
    NEGOTIATING = "NEGOTIATING"
    SIGNED = "SIGNED"
    POSTPONED = "POSTPONED"


class ReviewStatus(enum.StrEnum):
    """Where a fact stands in review: extracted facts start PROPOSED, seed facts are CURATED."""

    PROPOSED = "PROPOSED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    CURATED = "CURATED"


class ReviewAction(enum.StrEnum):
    """One recorded change of a fact: proposed by an extractor, or a reviewer's decision."""

    APPROVE = "APPROVE"
    REJECT = "REJECT"
    EDIT = "EDIT"
    PROPOSE = "PROPOSE"
