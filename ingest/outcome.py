"""What an intake run gives back: per-fact outcomes, counters, the result, the run's state."""

import dataclasses
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.queries import ingest as q

# Evidence column per fact kind.
COLUMNS = {
    "policy_decision": "policy_decision_id",
    "aid_package": "aid_package_id",
    "person_role": "person_role_id",
}
MODELS: dict[str, Any] = {
    "policy_decision": m.PolicyDecision,
    "aid_package": m.AidPackage,
    "person_role": m.PersonRole,
}


@dataclasses.dataclass
class Counters:
    """What one run did, for summaries and (later) metrics."""

    articles_new: int = 0
    articles_existing: int = 0
    facts_proposed: int = 0
    facts_merged: int = 0
    evidence_added: int = 0
    statements_added: int = 0
    people_created: int = 0
    outlets_created: int = 0
    candidates_dropped: int = 0

    def add(self, other: "Counters") -> None:
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


@dataclasses.dataclass
class FactOutcome:
    """One fact the article supports: new (proposed now) or known (gained evidence)."""

    kind: str  # policy_decision | aid_package | person_role | statement
    row: Any
    new: bool
    confidence: float | None
    evidence: list[m.Evidence] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class IngestResult:
    article: m.Article
    created: bool
    facts: list[FactOutcome]
    notes: list[str]
    counters: Counters

    def of_kind(self, kind: str) -> list[FactOutcome]:
        return [f for f in self.facts if f.kind == kind]


@dataclasses.dataclass
class RunState:
    """One article's run inside the caller's transaction: what it did and found so far."""

    session: AsyncSession
    actor: str
    counters: Counters = dataclasses.field(default_factory=Counters)
    notes: list[str] = dataclasses.field(default_factory=list)
    facts: list[FactOutcome] = dataclasses.field(default_factory=list)

    def drop(self, what: str, why: str) -> None:
        self.counters.candidates_dropped += 1
        self.notes.append(f"dropped {what}: {why}")


async def existing_result(session: AsyncSession, article: m.Article) -> IngestResult:
    """An article stored before, with every fact its text supports: nothing is written."""
    evidence = await q.evidence_of_article(session, article.id)
    facts: list[FactOutcome] = []
    for kind, column in COLUMNS.items():
        by_fact: dict[int, list[m.Evidence]] = {}
        for e in evidence:
            fact_id = getattr(e, column)
            if fact_id is not None:
                by_fact.setdefault(fact_id, []).append(e)
        rows = await q.rows_by_id(session, MODELS[kind], list(by_fact))
        for fact_id, quotes in by_fact.items():
            confidences = [e.confidence for e in quotes if e.confidence is not None]
            facts.append(
                FactOutcome(kind, rows[fact_id], False, max(confidences, default=None), quotes)
            )
    for s in await q.statements_of_article(session, article.id):
        facts.append(FactOutcome("statement", s, False, s.confidence))
    notes = (article.extraction_notes or "").splitlines()
    return IngestResult(article, False, facts, notes, Counters(articles_existing=1))
