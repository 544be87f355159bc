"""Evidence of one article: quotes checked against the body, stored, and settled on their fact."""

from collections.abc import Sequence
from typing import Any

from db import models as m
from db.enums import FactStatus, ReviewAction
from db.queries import ingest as q
from db.queries import reviews
from ingest import merge
from ingest.curated import evidence_key
from ingest.extract.model import Extraction, Span
from ingest.outcome import COLUMNS, FactOutcome, RunState


class QuoteMismatch(RuntimeError):
    """A stored quote is not the body's text at its offsets: a bug, never stored."""


def check_quotes(body: str, facts: Sequence[FactOutcome]) -> None:
    """Every quote this run stores is the body's text at its offsets; QuoteMismatch else."""
    for outcome in facts:
        rows = [*outcome.evidence, *([outcome.row] if outcome.kind == "statement" else [])]
        for row in rows:
            if not 0 <= row.start < row.end <= len(body) or body[row.start : row.end] != row.quote:
                raise QuoteMismatch(
                    f"{outcome.kind} {outcome.row.key}: the quote at {row.start}-{row.end} "
                    "is not the article's text there"
                )


def source_of(article: m.Article, extraction: Extraction) -> str:
    """Where a proposal comes from, for the review history."""
    return f"article {article.key}, {extraction.extractor} {extraction.version}"


class EvidenceWriter:
    """Stores the quotes one article gives its facts, and records what they change."""

    def __init__(self, run: RunState) -> None:
        self.run = run
        # (start, end) of each fact's quotes from this article: it is new, so they are all
        # written by this run and nothing needs to be read back.
        self.spans: dict[tuple[str, int], set[tuple[int, int]]] = {}

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
                self.run.notes.append(
                    f"{what}: a quote at {span.start}-{span.end} is not in the text"
                )
        return good

    async def add(
        self,
        article: m.Article,
        kind: str,
        fact: Any,
        spans: Sequence[Span],
        extraction: Extraction,
        confidence: float,
    ) -> list[m.Evidence]:
        column = COLUMNS[kind]
        seen = self.spans.setdefault((column, fact.id), set())
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
            self.run.session.add(row)
            added.append(row)
        self.run.counters.evidence_added += len(added)
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
        run = self.run
        evidence = await self.add(article, kind, fact, spans, extraction, confidence)
        twin = next((f for f in run.facts if f.kind == kind and f.row is fact), None)
        if twin is not None:
            # The article states this fact twice: one outcome, with both quotes.
            twin.evidence += evidence
            twin.confidence = max(twin.confidence or 0.0, confidence)
            return
        source = source_of(article, extraction)
        if new:
            run.counters.facts_proposed += 1
            await reviews.record_proposal(
                run.session, kind, fact, run.actor, f"extracted from {source}"
            )
        else:
            run.counters.facts_merged += 1
            current: FactStatus | None = getattr(fact, "status", None)  # roles have none
            changed = merge.status_after(current, [e.stance for e in evidence]) if current else None
            if changed is not None:
                before = reviews.snapshot(kind, fact)
                fact.status = changed
                await q.record_review(
                    run.session,
                    fact,
                    ReviewAction.EDIT,
                    "system",
                    before=before,
                    after=reviews.snapshot(kind, fact),
                    reason=f"disputing evidence from {source}",
                    salt=article.key,
                )
        run.facts.append(FactOutcome(kind, fact, new, confidence, evidence))
