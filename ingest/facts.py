"""Candidate facts of one article, stored as proposals or merged into the facts already known."""

from collections.abc import Sequence
from typing import TypeVar

from db import models as m
from db.enums import FactStatus, ReviewStatus, Stance
from db.queries import ingest as q
from db.queries import reviews
from ingest import merge
from ingest.entities import Entities
from ingest.evidence import EvidenceWriter, source_of
from ingest.extract.model import (
    AidPackageCandidate,
    Extraction,
    PersonRoleCandidate,
    PolicyDecisionCandidate,
    Span,
    StatementCandidate,
)
from ingest.outcome import FactOutcome, RunState

Fact = TypeVar("Fact", m.PolicyDecision, m.AidPackage, m.PersonRole)


def _disputed(spans: Sequence[Span]) -> bool:
    return any(s.stance == Stance.DISPUTES for s in spans)


class FactWriter:
    """Stores or merges each candidate; every drop is counted and noted, never silent."""

    def __init__(self, run: RunState, entities: Entities, evidence: EvidenceWriter) -> None:
        self.run = run
        self.entities = entities
        self.evidence = evidence
        # The facts candidates may merge into, read once per kind (never REJECTED ones); the
        # facts this run creates join them, so a fact stated twice is stored once.
        self.decisions: list[m.PolicyDecision] = []
        self.packages: list[m.AidPackage] = []
        self.roles: list[m.PersonRole] = []

    async def load_known(self, extraction: Extraction) -> None:
        """Read the facts the candidates could be (3 statements, whatever their number)."""
        session = self.run.session
        self.decisions = await q.decisions_on(session, self.entities.topics.values())
        donors = [self.entities.countries.get(c.donor) for c in extraction.aid_packages]
        self.packages = await q.aid_packages_from(session, [d for d in donors if d])
        people = [self.entities.find(c.person.key, c.person.name) for c in extraction.person_roles]
        self.roles = await q.roles_of(session, [p.id for p in people if p is not None])

    def _supporting(self, article: m.Article, quotes: Sequence[Span], what: str) -> list[Span]:
        """The quotes that stand in the text; none when not one of them supports the fact."""
        spans = self.evidence.valid_spans(article.body, quotes, what)
        return spans if any(s.stance == Stance.SUPPORTS for s in spans) else []

    async def _store(self, row: Fact, known: list[Fact]) -> None:
        """Insert a new fact; later candidates of this run may merge into it."""
        self.run.session.add(row)
        await self.run.session.flush()
        known.append(row)

    async def decision(
        self, article: m.Article, c: PolicyDecisionCandidate, extraction: Extraction
    ) -> None:
        what = f"{c.action.value} decision of {c.country or c.organization}"
        country_id = self.entities.countries.get(c.country or "")
        org_id = self.entities.organizations.get(c.organization or "")
        topic_id = self.entities.topics.get(c.topic)
        if (c.country and country_id is None) or (c.organization and org_id is None):
            return self.run.drop(what, "unknown country or organization")
        if country_id is None and org_id is None:
            return self.run.drop(what, "no actor")
        if topic_id is None:
            return self.run.drop(what, f"unknown topic {c.topic!r}")
        spans = self._supporting(article, c.evidence, what)
        if not spans:
            return self.run.drop(what, "no supporting quote")
        dates = merge.Dates(c.date.earliest, c.date.latest) if c.date else merge.Dates()
        known = [
            merge.DecisionIdentity(
                r.id,
                r.country_id,
                r.organization_id,
                r.topic_id,
                r.action,
                merge.Dates(r.date_earliest, r.date_latest),
                r.review_status,
            )
            for r in self.decisions
            if (r.country_id, r.organization_id, r.topic_id) == (country_id, org_id, topic_id)
        ]
        candidate = merge.DecisionIdentity(0, country_id, org_id, topic_id, c.action, dates)
        match = merge.match_decision(candidate, known)
        if match is not None:
            row = next(r for r in self.decisions if r.id == match.id)
            return await self.evidence.settle(
                article, "policy_decision", row, False, spans, extraction, c.confidence
            )
        decided_by = None
        if c.decided_by is not None:
            decided_by = await self.entities.person_in(extraction, c.decided_by)
        key = merge.fact_key(
            c.country or c.organization,
            c.action.value,
            c.topic,
            c.date.value if c.date else "undated",
            article.key[:8],
        )
        row = m.PolicyDecision(
            key=await q.unique_key(self.run.session, m.PolicyDecision, key),
            country_id=country_id,
            organization_id=org_id,
            decided_by_id=decided_by.id if decided_by else None,
            topic_id=topic_id,
            action=c.action,
            scope=c.scope,
            limits=c.limits,
            status=FactStatus.DISPUTED
            if _disputed(spans) and c.status in {FactStatus.REPORTED, FactStatus.CONFIRMED}
            else c.status,
            review_status=ReviewStatus.PROPOSED,
        )
        row.set_date(c.date, c.date_basis)
        await self._store(row, self.decisions)
        await self.evidence.settle(
            article, "policy_decision", row, True, spans, extraction, c.confidence
        )

    async def aid(self, article: m.Article, c: AidPackageCandidate, extraction: Extraction) -> None:
        what = f"aid package from {c.donor}"
        donor_id = self.entities.countries.get(c.donor)
        recipient_id = self.entities.countries.get(c.recipient)
        if donor_id is None or recipient_id is None:
            return self.run.drop(what, "unknown donor or recipient country")
        spans = self._supporting(article, c.evidence, what)
        if not spans:
            return self.run.drop(what, "no supporting quote")
        dates = merge.Dates(c.date.earliest, c.date.latest) if c.date else merge.Dates()
        known = [
            merge.AidIdentity(
                r.id, r.donor_id, r.amount, r.currency,
                merge.Dates(r.date_earliest, r.date_latest), r.review_status,
            )
            for r in self.packages
            if r.donor_id == donor_id
        ]  # fmt: skip
        candidate = merge.AidIdentity(0, donor_id, c.amount, c.currency, dates)
        match = merge.match_aid(candidate, known)
        if match is not None:
            row = next(r for r in self.packages if r.id == match.id)
            return await self.evidence.settle(
                article, "aid_package", row, False, spans, extraction, c.confidence
            )
        announced_by = None
        if c.announced_by is not None:
            announced_by = await self.entities.person_in(extraction, c.announced_by)
        amount = (
            f"{c.currency or ''}{c.amount.normalize():f}" if c.amount is not None else "in-kind"
        )
        key = merge.fact_key(
            c.donor,
            c.recipient,
            c.kind.value,
            amount,
            c.date.value if c.date else "undated",
            article.key[:8],
        )
        row = m.AidPackage(
            key=await q.unique_key(self.run.session, m.AidPackage, key),
            donor_id=donor_id,
            recipient_id=recipient_id,
            amount=c.amount,
            currency=c.currency,
            kind=c.kind,
            mechanism=(c.mechanism or None) and c.mechanism[:200],
            announced_by_id=announced_by.id if announced_by else None,
            status=FactStatus.DISPUTED if _disputed(spans) else FactStatus.REPORTED,
            review_status=ReviewStatus.PROPOSED,
        )
        row.set_date(c.date, c.date_basis)
        await self._store(row, self.packages)
        for position, name in enumerate(dict.fromkeys(c.contents)):
            self.run.session.add(
                m.AidPackageItem(aid_package_id=row.id, position=position, name=name[:200])
            )
        await self.evidence.settle(
            article, "aid_package", row, True, spans, extraction, c.confidence
        )

    async def role(
        self, article: m.Article, c: PersonRoleCandidate, extraction: Extraction
    ) -> None:
        what = f"role {c.title!r} of {c.person.name}"
        country_id = self.entities.countries.get(c.country or "")
        org_id = self.entities.organizations.get(c.organization or "")
        spans = self._supporting(article, c.evidence, what)
        if not spans:
            return self.run.drop(what, "no supporting quote")
        person = await self.entities.person_in(extraction, c.person)
        title = c.title.strip()[:200]
        known = [
            merge.RoleIdentity(
                r.id, r.person_id, r.title, r.organization_id, r.country_id, r.review_status
            )
            for r in self.roles
            if r.person_id == person.id
        ]
        candidate = merge.RoleIdentity(0, person.id, title, org_id, country_id)
        match = merge.match_role(candidate, known)
        if match is not None:
            row = next(r for r in self.roles if r.id == match.id)
            return await self.evidence.settle(
                article, "person_role", row, False, spans, extraction, c.confidence
            )
        row = m.PersonRole(
            key=await q.unique_key(
                self.run.session, m.PersonRole, merge.fact_key(person.key, title)
            ),
            person_id=person.id,
            title=title,
            organization_id=org_id,
            country_id=country_id,
            review_status=ReviewStatus.PROPOSED,
        )
        await self._store(row, self.roles)
        await self.evidence.settle(
            article, "person_role", row, True, spans, extraction, c.confidence
        )

    async def statement(
        self, article: m.Article, c: StatementCandidate, extraction: Extraction
    ) -> None:
        what = f"statement at {c.span.start}-{c.span.end}"
        if not self.evidence.valid_spans(article.body, [c.span], what):
            return self.run.drop(what, "the quote is not in the text")
        key = merge.fact_key(article.key, "statement", str(c.span.start), str(c.span.end))
        if any(f.kind == "statement" and f.row.key == key for f in self.run.facts):
            return None  # the same words found twice
        speaker, label = None, c.speaker_label
        if c.speaker is not None and c.speaker.key is None:
            # A name the gazetteer does not know: attach it to a known person, but keep it as
            # a label rather than create a person from a speaker guess ("Pro-war Russian").
            speaker = self.entities.find(None, c.speaker.name)
            label = label or (None if speaker else c.speaker.name)
        elif c.speaker is not None:
            speaker = await self.entities.person_in(extraction, c.speaker)
        if speaker is None and not label:
            return self.run.drop(what, "no speaker")
        row = m.Statement(
            key=key,
            article_id=article.id,
            speaker_id=speaker.id if speaker else None,
            speaker_label=label[:300] if label and speaker is None else None,
            kind=c.kind,
            quote=c.span.quote,
            start=c.span.start,
            end=c.span.end,
            review_status=ReviewStatus.PROPOSED,
            extractor=extraction.extractor[:64],
            extractor_version=extraction.version[:32],
            confidence=c.confidence,
        )
        row.set_date(c.date)
        self.run.session.add(row)  # flushed with the others, in one INSERT: nothing needs its id
        self.run.counters.statements_added += 1
        await reviews.record_proposal(
            self.run.session,
            "statement",
            row,
            self.run.actor,
            f"extracted from {source_of(article, extraction)}",
        )
        self.run.facts.append(FactOutcome("statement", row, True, c.confidence))
