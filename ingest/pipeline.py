"""The intake pipeline shared by REST, GraphQL and the CLI: article in, sourced facts out."""

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import FactStatus, ReviewAction, ReviewStatus, Stance
from db.queries import ingest as q
from db.queries import reviews
from db.queries.dataset_version import bump_data_version
from ingest import merge
from ingest.curated import evidence_key
from ingest.extract.model import (
    AidPackageCandidate,
    Extraction,
    PersonRef,
    PersonRoleCandidate,
    PolicyDecisionCandidate,
    Span,
    StatementCandidate,
)
from ingest.intake import (
    DEFAULT_MAX_ARTICLE_CHARS,
    ArticleInput,
    IntakeError,
    Reading,
    ValidInput,
    read,
    validate,
)
from ingest.metrics import record_ingest
from ingest.normalize import content_hash

logger = logging.getLogger("frontline.ingest")

# Evidence column per fact kind.
COLUMNS = {
    "policy_decision": "policy_decision_id",
    "aid_package": "aid_package_id",
    "person_role": "person_role_id",
}


class ExtractionFailed(IntakeError):
    """The extractor could not read this body; nothing was stored."""


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


def run_extractor(reading: Reading, valid: ValidInput, people: Sequence[Any]) -> Extraction:
    """The versioned extractor over the masked text; its failures are the body's problem."""
    from ingest.extract import Gazetteer, extract

    gazetteer = Gazetteer.builtin().with_people(people)
    try:
        return extract(
            reading.masked_text,
            published=valid.published or reading.published,
            language=valid.language,
            gazetteer=gazetteer,
        )
    except Exception as error:
        logger.exception("the extractor failed")
        raise ExtractionFailed("body", f"the extractor could not read it ({error})") from error


class _Run:
    """One article through the pipeline, inside the caller's transaction."""

    def __init__(self, session: AsyncSession, actor: str) -> None:
        self.session = session
        self.actor = actor
        self.counters = Counters()
        self.notes: list[str] = []
        self.facts: list[FactOutcome] = []
        self.countries: dict[str, int] = {}
        self.organizations: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.people: dict[tuple[str | None, str], m.Person] = {}

    # -- entities ---------------------------------------------------------------------------

    async def person(self, ref: PersonRef, spellings: Sequence[str] = ()) -> m.Person:
        """The person a reference names; created (with the spellings seen) when unknown."""
        cache_key = (ref.key, ref.name)
        if cache_key in self.people:
            return self.people[cache_key]
        found = await q.find_person(self.session, ref.key, ref.name)
        if found is None:
            key = await q.unique_key(self.session, m.Person, merge.slug(ref.key or ref.name, 120))
            found = m.Person(key=key, name=ref.name[:200])
            self.session.add(found)
            await self.session.flush()
            self.counters.people_created += 1
            self.notes.append(f"new person: {ref.name} ({key})")
        for spelling in spellings:
            if spelling != found.name and len(spelling) <= 200:
                await q.add_alias(self.session, found.id, spelling)
        self.people[cache_key] = found
        return found

    def spellings(self, extraction: Extraction, ref: PersonRef) -> list[str]:
        values = {ref.key, ref.name} - {None}
        return sorted(
            {
                mn.span.quote
                for mn in extraction.mentions
                if mn.kind == "person" and mn.value in values
            }
        )

    async def outlet(self, name: str) -> m.Outlet:
        key = merge.slug(name, 120) or "outlet"
        found = await q.find_outlet(self.session, key, name)
        if found is None:
            found = m.Outlet(key=await q.unique_key(self.session, m.Outlet, key), name=name)
            self.session.add(found)
            await self.session.flush()
            self.counters.outlets_created += 1
        return found

    async def load_refs(self, extraction: Extraction) -> None:
        codes = [c.country for c in extraction.policy_decisions if c.country]
        codes += [c.donor for c in extraction.aid_packages] + [
            c.recipient for c in extraction.aid_packages
        ]
        codes += [c.country for c in extraction.person_roles if c.country]
        self.countries = await q.country_ids(self.session, codes)
        orgs = [c.organization for c in extraction.policy_decisions if c.organization]
        orgs += [c.organization for c in extraction.person_roles if c.organization]
        self.organizations = await q.ids_by_key(self.session, m.Organization, orgs)
        topics = [c.topic for c in extraction.policy_decisions]
        self.topics = await q.ids_by_key(self.session, m.Topic, topics)

    def drop(self, what: str, why: str) -> None:
        self.counters.candidates_dropped += 1
        self.notes.append(f"dropped {what}: {why}")

    # -- evidence ---------------------------------------------------------------------------

    def valid_spans(self, body: str, spans: Sequence[Span], what: str) -> list[Span]:
        """Only spans that are exact quotes of the stored body: facts are never invented."""
        good = []
        for span in spans:
            if (
                0 <= span.start < span.end <= len(body)
                and body[span.start : span.end] == span.quote
            ):
                good.append(span)
            else:
                self.notes.append(f"{what}: a quote at {span.start}-{span.end} is not in the text")
        return good

    async def add_evidence(
        self,
        article: m.Article,
        kind: str,
        fact: Any,
        spans: Sequence[Span],
        extraction: Extraction,
        confidence: float,
    ) -> list[m.Evidence]:
        column = COLUMNS[kind]
        seen = await q.evidence_spans(self.session, column, fact.id, article.id)
        added = []
        for span in spans:
            if (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            entry = {"start": span.start, "end": span.end, "stance": span.stance.value}
            row = m.Evidence(
                key=evidence_key(column, fact.key, article.key, entry),
                article_id=article.id,
                quote=span.quote,
                start=span.start,
                end=span.end,
                stance=span.stance,
                extractor=extraction.extractor[:64],
                extractor_version=extraction.version[:32],
                confidence=confidence,
                **{column: fact.id},
            )
            self.session.add(row)
            added.append(row)
        self.counters.evidence_added += len(added)
        return added

    async def settle(
        self,
        article: m.Article,
        kind: str,
        fact: Any,
        new: bool,
        spans: Sequence[Span],
        extraction: Extraction,
        confidence: float,
    ) -> None:
        """Attach the evidence, record the proposal or the status change, remember the outcome."""
        evidence = await self.add_evidence(article, kind, fact, spans, extraction, confidence)
        twin = next((f for f in self.facts if f.kind == kind and f.row is fact), None)
        if twin is not None:
            # The article states this fact twice: one outcome, with both quotes.
            twin.evidence += evidence
            twin.confidence = max(twin.confidence or 0.0, confidence)
            return
        source = _source(article, extraction)
        if new:
            self.counters.facts_proposed += 1
            await reviews.record_proposal(
                self.session, kind, fact, self.actor, f"extracted from {source}"
            )
        else:
            self.counters.facts_merged += 1
            current: FactStatus | None = getattr(fact, "status", None)  # roles have none
            changed = merge.status_after(current, [e.stance for e in evidence]) if current else None
            if changed is not None:
                before = reviews.snapshot(kind, fact)
                fact.status = changed
                await q.record_review(
                    self.session,
                    fact,
                    ReviewAction.EDIT,
                    "system",
                    before=before,
                    after=reviews.snapshot(kind, fact),
                    reason=f"disputing evidence from {source}",
                    salt=article.key,
                )
        self.facts.append(FactOutcome(kind, fact, new, confidence, evidence))

    # -- facts ------------------------------------------------------------------------------

    async def decision(
        self, article: m.Article, c: PolicyDecisionCandidate, extraction: Extraction
    ) -> None:
        what = f"{c.action.value} decision of {c.country or c.organization}"
        country_id = self.countries.get(c.country or "")
        org_id = self.organizations.get(c.organization or "")
        topic_id = self.topics.get(c.topic)
        if (c.country and country_id is None) or (c.organization and org_id is None):
            return self.drop(what, "unknown country or organization")
        if country_id is None and org_id is None:
            return self.drop(what, "no actor")
        if topic_id is None:
            return self.drop(what, f"unknown topic {c.topic!r}")
        spans = self.valid_spans(article.body, c.evidence, what)
        if not any(s.stance == Stance.SUPPORTS for s in spans):
            return self.drop(what, "no supporting quote")
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
            for r in await q.decisions_like(self.session, country_id, org_id, topic_id)
        ]
        candidate = merge.DecisionIdentity(0, country_id, org_id, topic_id, c.action, dates)
        match = merge.match_decision(candidate, known)
        if match is not None:
            row = (await q.rows_by_id(self.session, m.PolicyDecision, [match.id]))[match.id]
            return await self.settle(
                article, "policy_decision", row, False, spans, extraction, c.confidence
            )
        decided_by = None
        if c.decided_by is not None:
            decided_by = await self.person(c.decided_by, self.spellings(extraction, c.decided_by))
        key = merge.fact_key(
            c.country or c.organization,
            c.action.value,
            c.topic,
            c.date.value if c.date else "undated",
            article.key[:8],
        )
        row = m.PolicyDecision(
            key=await q.unique_key(self.session, m.PolicyDecision, key),
            country_id=country_id,
            organization_id=org_id,
            decided_by_id=decided_by.id if decided_by else None,
            topic_id=topic_id,
            action=c.action,
            scope=c.scope,
            limits=c.limits,
            status=FactStatus.DISPUTED
            if any(s.stance == Stance.DISPUTES for s in spans)
            and c.status in {FactStatus.REPORTED, FactStatus.CONFIRMED}
            else c.status,
            review_status=ReviewStatus.PROPOSED,
        )
        row.set_date(c.date, c.date_basis)
        self.session.add(row)
        await self.session.flush()
        await self.settle(article, "policy_decision", row, True, spans, extraction, c.confidence)

    async def aid(self, article: m.Article, c: AidPackageCandidate, extraction: Extraction) -> None:
        what = f"aid package from {c.donor}"
        donor_id = self.countries.get(c.donor)
        recipient_id = self.countries.get(c.recipient)
        if donor_id is None or recipient_id is None:
            return self.drop(what, "unknown donor or recipient country")
        spans = self.valid_spans(article.body, c.evidence, what)
        if not any(s.stance == Stance.SUPPORTS for s in spans):
            return self.drop(what, "no supporting quote")
        dates = merge.Dates(c.date.earliest, c.date.latest) if c.date else merge.Dates()
        known = [
            merge.AidIdentity(
                r.id, r.donor_id, r.amount, r.currency,
                merge.Dates(r.date_earliest, r.date_latest), r.review_status,
            )
            for r in await q.aid_packages_from(self.session, donor_id)
        ]  # fmt: skip
        candidate = merge.AidIdentity(0, donor_id, c.amount, c.currency, dates)
        match = merge.match_aid(candidate, known)
        if match is not None:
            row = (await q.rows_by_id(self.session, m.AidPackage, [match.id]))[match.id]
            return await self.settle(
                article, "aid_package", row, False, spans, extraction, c.confidence
            )
        announced_by = None
        if c.announced_by is not None:
            announced_by = await self.person(
                c.announced_by, self.spellings(extraction, c.announced_by)
            )
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
            key=await q.unique_key(self.session, m.AidPackage, key),
            donor_id=donor_id,
            recipient_id=recipient_id,
            amount=c.amount,
            currency=c.currency,
            kind=c.kind,
            mechanism=(c.mechanism or None) and c.mechanism[:200],
            announced_by_id=announced_by.id if announced_by else None,
            status=FactStatus.DISPUTED
            if any(s.stance == Stance.DISPUTES for s in spans)
            else FactStatus.REPORTED,
            review_status=ReviewStatus.PROPOSED,
        )
        row.set_date(c.date, c.date_basis)
        self.session.add(row)
        await self.session.flush()
        for position, name in enumerate(dict.fromkeys(c.contents)):
            self.session.add(
                m.AidPackageItem(aid_package_id=row.id, position=position, name=name[:200])
            )
        await self.settle(article, "aid_package", row, True, spans, extraction, c.confidence)

    async def role(
        self, article: m.Article, c: PersonRoleCandidate, extraction: Extraction
    ) -> None:
        what = f"role {c.title!r} of {c.person.name}"
        country_id = self.countries.get(c.country or "")
        org_id = self.organizations.get(c.organization or "")
        spans = self.valid_spans(article.body, c.evidence, what)
        if not any(s.stance == Stance.SUPPORTS for s in spans):
            return self.drop(what, "no supporting quote")
        person = await self.person(c.person, self.spellings(extraction, c.person))
        title = c.title.strip()[:200]
        known = [
            merge.RoleIdentity(
                r.id, r.person_id, r.title, r.organization_id, r.country_id, r.review_status
            )
            for r in await q.roles_of(self.session, person.id)
        ]
        candidate = merge.RoleIdentity(0, person.id, title, org_id, country_id)
        match = merge.match_role(candidate, known)
        if match is not None:
            row = (await q.rows_by_id(self.session, m.PersonRole, [match.id]))[match.id]
            return await self.settle(
                article, "person_role", row, False, spans, extraction, c.confidence
            )
        row = m.PersonRole(
            key=await q.unique_key(self.session, m.PersonRole, merge.fact_key(person.key, title)),
            person_id=person.id,
            title=title,
            organization_id=org_id,
            country_id=country_id,
            review_status=ReviewStatus.PROPOSED,
        )
        self.session.add(row)
        await self.session.flush()
        await self.settle(article, "person_role", row, True, spans, extraction, c.confidence)

    async def statement(
        self, article: m.Article, c: StatementCandidate, extraction: Extraction
    ) -> None:
        what = f"statement at {c.span.start}-{c.span.end}"
        if not self.valid_spans(article.body, [c.span], what):
            return self.drop(what, "the quote is not in the text")
        key = merge.fact_key(article.key, "statement", str(c.span.start), str(c.span.end))
        if any(f.kind == "statement" and f.row.key == key for f in self.facts):
            return None  # the same words found twice
        speaker, label = None, c.speaker_label
        if c.speaker is not None and c.speaker.key is None:
            # A name the gazetteer does not know: attach it to a known person, but keep it as
            # a label rather than create a person from a speaker guess ("Pro-war Russian").
            speaker = await q.find_person(self.session, None, c.speaker.name)
            label = label or (None if speaker else c.speaker.name)
        elif c.speaker is not None:
            speaker = await self.person(c.speaker, self.spellings(extraction, c.speaker))
        if speaker is None and not label:
            return self.drop(what, "no speaker")
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
        self.session.add(row)
        await self.session.flush()
        self.counters.statements_added += 1
        await reviews.record_proposal(
            self.session,
            "statement",
            row,
            self.actor,
            f"extracted from {_source(article, extraction)}",
        )
        self.facts.append(FactOutcome("statement", row, True, c.confidence))


def _language(detected: str | None) -> str:
    # "und" (undetermined) or nothing: the service's default language.
    return detected[:12] if detected and detected != "und" else "en"


def _source(article: m.Article, extraction: Extraction) -> str:
    return f"article {article.key}, {extraction.extractor} {extraction.version}"


def _published_note(valid: ValidInput, reading: Reading) -> str | None:
    if valid.published is not None:
        return "given by the sender"
    if reading.published is not None:
        return f"dateline in text: {reading.published_text!r}"
    return None


async def existing_result(session: AsyncSession, article: m.Article) -> IngestResult:
    """An article stored before, with every fact its text supports: nothing is written."""
    evidence = await q.evidence_of_article(session, article.id)
    facts: list[FactOutcome] = []
    for kind, column in COLUMNS.items():
        model = {
            "policy_decision": m.PolicyDecision,
            "aid_package": m.AidPackage,
            "person_role": m.PersonRole,
        }[kind]
        by_fact: dict[int, list[m.Evidence]] = {}
        for e in evidence:
            fact_id = getattr(e, column)
            if fact_id is not None:
                by_fact.setdefault(fact_id, []).append(e)
        rows = await q.rows_by_id(session, model, list(by_fact))
        for fact_id, quotes in by_fact.items():
            confidences = [e.confidence for e in quotes if e.confidence is not None]
            facts.append(
                FactOutcome(kind, rows[fact_id], False, max(confidences, default=None), quotes)
            )
    for s in await q.statements_of_article(session, article.id):
        facts.append(FactOutcome("statement", s, False, s.confidence))
    notes = (article.extraction_notes or "").splitlines()
    return IngestResult(article, False, facts, notes, Counters(articles_existing=1))


async def ingest(
    session: AsyncSession,
    article: ArticleInput,
    *,
    actor: str,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> IngestResult:
    """Store the article and the facts extracted from it, or find it stored already.

    Writes only inside the caller's transaction (flushes, never commits); IntakeError for input
    that cannot be taken, before anything is written.
    """
    valid = validate(article, max_chars)
    reading = read(valid.body)
    hashes = {reading.content_hash, content_hash(valid.body)}
    found = await q.find_article(session, hashes, valid.url)
    if found is not None:
        return await existing_result(session, found)

    people = await q.people_with_aliases(session)
    extraction = run_extractor(reading, valid, people)
    run = _Run(session, actor)
    run.notes.extend(extraction.notes)
    published = valid.published or reading.published
    outlet = await run.outlet(valid.outlet) if valid.outlet else None
    row = m.Article(
        key=reading.content_hash[:16],
        title=valid.title or reading.title,
        url=valid.url,
        outlet_id=outlet.id if outlet else None,
        language=valid.language or _language(extraction.language),
        published_note=_published_note(valid, reading),
        body=valid.body,
        content_hash=reading.content_hash,
        ingested_at=dt.datetime.now(dt.UTC),
        byline=reading.byline[:300] if reading.byline else None,
    )
    row.set_published(published)
    session.add(row)
    await session.flush()  # unique content hash and URL: a concurrent twin fails here
    run.counters.articles_new = 1
    for position, name in enumerate(reading.authors):
        author = await run.person(PersonRef(name=name))
        session.add(m.ArticleAuthor(article_id=row.id, person_id=author.id, position=position))
    await session.flush()

    await run.load_refs(extraction)
    for d in extraction.policy_decisions:
        await run.decision(row, d, extraction)
    for a in extraction.aid_packages:
        await run.aid(row, a, extraction)
    for r in extraction.person_roles:
        await run.role(row, r, extraction)
    for s in extraction.statements:
        await run.statement(row, s, extraction)
    row.extraction_notes = "\n".join(run.notes) or None
    await session.flush()
    await bump_data_version(session)
    return IngestResult(row, True, run.facts, run.notes, run.counters)


async def ingest_and_commit(
    session: AsyncSession,
    article: ArticleInput,
    *,
    actor: str,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> IngestResult:
    """`ingest` as one transaction: all of it is stored, or none of it.

    Two identical posts racing each other: the loser's insert breaks a unique constraint; it
    rolls back and answers the winner's article.
    """
    try:
        try:
            result = await ingest(session, article, actor=actor, max_chars=max_chars)
            await session.commit()
        except IntegrityError:
            await session.rollback()
            result = await ingest(session, article, actor=actor, max_chars=max_chars)
            if result.created:  # not a race after all: a real constraint problem
                await session.rollback()
                raise
        except BaseException:
            await session.rollback()
            raise
    except Exception:
        record_ingest("failed")
        raise
    record_ingest("created" if result.created else "existing", result.counters.facts_proposed)
    return result
