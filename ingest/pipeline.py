"""The intake pipeline shared by REST, GraphQL and the CLI: article in, sourced facts out."""

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.queries import ingest as q
from db.queries.dataset_version import bump_data_version
from ingest.entities import Entities
from ingest.evidence import EvidenceWriter, check_quotes
from ingest.extract.model import Extraction, PersonRef
from ingest.facts import FactWriter
from ingest.intake import (
    DEFAULT_MAX_ARTICLE_CHARS,
    ArticleInput,
    IntakeError,
    ValidInput,
    validate,
)
from ingest.metrics import record_ingest
from ingest.normalize import content_hash
from ingest.outcome import (
    COLUMNS,
    Counters,
    FactOutcome,
    IngestResult,
    RunState,
    existing_result,
)
from ingest.reading import Reading, read, require_text

logger = logging.getLogger("frontline.ingest")

__all__ = [
    "COLUMNS",
    "Counters",
    "ExtractionFailed",
    "FactOutcome",
    "IngestResult",
    "existing_result",
    "ingest",
    "ingest_and_commit",
    "run_extractor",
]


class ExtractionFailed(IntakeError):
    """The extractor could not read this body; nothing was stored."""


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


def _language(detected: str | None) -> str:
    # "und" (undetermined) or nothing: the service's default language.
    return detected[:12] if detected and detected != "und" else "en"


def _published_note(valid: ValidInput, reading: Reading) -> str | None:
    if valid.published is not None:
        return "given by the sender"
    if reading.published is not None:
        return f"dateline in text: {reading.published_text!r}"
    return None


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
    require_text(reading)
    await q.lock_intake(session)
    hashes = {reading.content_hash, content_hash(valid.body)}
    # The URL as sent too: rows stored before URLs were made canonical.
    urls = {valid.url, (article.url or "").strip()} - {None, ""} if valid.url else set()
    found = await q.find_article(session, hashes, urls)
    if found is not None:
        return await existing_result(session, found)

    run = RunState(session, actor)
    entities = Entities(run)
    extraction = run_extractor(reading, valid, await entities.load_people())
    run.notes.extend(extraction.notes)
    facts = FactWriter(run, entities, EvidenceWriter(run))
    published = valid.published or reading.published
    outlet = await entities.outlet(valid.outlet) if valid.outlet else None
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
        author = await entities.person(PersonRef(name=name))
        session.add(m.ArticleAuthor(article_id=row.id, person_id=author.id, position=position))
    await session.flush()

    await entities.load_refs(extraction)
    await facts.load_known(extraction)
    for d in extraction.policy_decisions:
        await facts.decision(row, d, extraction)
    for a in extraction.aid_packages:
        await facts.aid(row, a, extraction)
    for r in extraction.person_roles:
        await facts.role(row, r, extraction)
    for s in extraction.statements:
        await facts.statement(row, s, extraction)
    check_quotes(row.body, run.facts)
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

    A post racing another one (the same article, or one naming the same new outlet or person;
    PostgreSQL serializes intakes, SQLite may not) breaks a unique constraint: it rolls back
    and runs once more, against the rows the winner committed: it answers the winner's article,
    or stores its own. A second failure is a real problem and is raised.
    """
    try:
        result = await _ingest_with_retry(session, article, actor=actor, max_chars=max_chars)
    except Exception:
        record_ingest("failed")
        raise
    record_ingest("created" if result.created else "existing", result.counters.facts_proposed)
    return result


async def _ingest_with_retry(
    session: AsyncSession,
    article: ArticleInput,
    *,
    actor: str,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> IngestResult:
    for attempt in (1, 2):
        try:
            result = await ingest(session, article, actor=actor, max_chars=max_chars)
            await session.commit()
            return result
        except IntegrityError:
            await session.rollback()
            if attempt == 2:
                raise
        except BaseException:
            await session.rollback()
            raise
    raise AssertionError("unreachable")
