"""What the extractor returns: candidate facts with evidence spans, before anything is stored."""

import dataclasses
from decimal import Decimal

from db.enums import AidKind, DateBasis, FactStatus, PolicyAction, Stance, StatementKind
from db.fuzzy_date import FuzzyDate


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """An exact quote of the article body: `body[start:end] == quote`."""

    start: int
    end: int
    quote: str
    stance: Stance = Stance.SUPPORTS


@dataclasses.dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as the text names them; `key` is set when the gazetteer knows them."""

    name: str  # canonical name when known, else the name as written (e.g. "Sabrina Singh")
    key: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """One recognised name or value in the text."""

    kind: str  # country | person | organization | place | weapon | money | date
    span: Span
    # Canonical identity: ISO alpha-2 for countries, person/organization/place key or
    # canonical name, weapon canonical name ("HIMARS"), "USD 275000000" for money,
    # ISO fuzzy date text for dates.
    value: str
    precision: str | None = None  # dates only: DAY, MONTH, YEAR


@dataclasses.dataclass(slots=True)
class PolicyDecisionCandidate:
    country: str | None  # ISO alpha-2 of the acting country
    organization: str | None  # organization key when the actor is one (e.g. "nato")
    action: PolicyAction
    topic: str = "weapons-use-on-russian-territory"
    scope: str | None = None
    limits: str | None = None
    date: FuzzyDate | None = None
    date_basis: DateBasis | None = None
    decided_by: PersonRef | None = None
    status: FactStatus = FactStatus.REPORTED  # DISPUTED when a DISPUTES span is present
    evidence: list[Span] = dataclasses.field(default_factory=list)
    confidence: float = 0.5


@dataclasses.dataclass(slots=True)
class AidPackageCandidate:
    donor: str  # ISO alpha-2
    recipient: str = "UA"
    amount: Decimal | None = None  # whole currency units (275000000 for "$275 million")
    currency: str | None = None  # ISO 4217
    kind: AidKind = AidKind.MILITARY
    contents: list[str] = dataclasses.field(default_factory=list)  # e.g. ["HIMARS"]
    mechanism: str | None = None  # e.g. "presidential drawdown authority"
    date: FuzzyDate | None = None
    date_basis: DateBasis | None = None
    announced_by: PersonRef | None = None
    evidence: list[Span] = dataclasses.field(default_factory=list)
    confidence: float = 0.5


@dataclasses.dataclass(slots=True)
class PersonRoleCandidate:
    person: PersonRef
    title: str  # "Deputy Pentagon Press Secretary"
    country: str | None = None  # ISO alpha-2
    organization: str | None = None  # organization key
    evidence: list[Span] = dataclasses.field(default_factory=list)
    confidence: float = 0.5


@dataclasses.dataclass(slots=True)
class StatementCandidate:
    speaker: PersonRef | None
    speaker_label: str | None  # for unnamed sources ("a US official")
    kind: StatementKind
    span: Span  # the quoted words themselves
    date: FuzzyDate | None = None
    confidence: float = 0.5


@dataclasses.dataclass(slots=True)
class Extraction:
    """Everything one extractor run found in one article."""

    extractor: str  # e.g. "frontline-rules"
    version: str  # bump when rules change, so facts can be traced to the rules that made them
    language: str
    mentions: list[Mention] = dataclasses.field(default_factory=list)
    policy_decisions: list[PolicyDecisionCandidate] = dataclasses.field(default_factory=list)
    aid_packages: list[AidPackageCandidate] = dataclasses.field(default_factory=list)
    person_roles: list[PersonRoleCandidate] = dataclasses.field(default_factory=list)
    statements: list[StatementCandidate] = dataclasses.field(default_factory=list)
    # Human-readable notes, e.g. "language 'de' is not supported: only mentions were extracted".
    notes: list[str] = dataclasses.field(default_factory=list)
