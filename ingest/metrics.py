"""Ingestion counters for Prometheus, served at /metrics with the rest (api/metrics.py)."""

from prometheus_client import Counter

INGESTED_ARTICLES = Counter(
    "frontline_ingested_articles_total",
    "Articles offered to the ingest pipeline, by result: created, existing, failed.",
    ["result"],
)
FACTS_PROPOSED = Counter(
    "frontline_facts_proposed_total",
    "Candidate facts the ingest pipeline proposed (before review).",
)
INGEST_RESULTS = frozenset({"created", "existing", "failed"})


def record_ingest(result: str, facts_proposed: int = 0) -> None:
    """Called by the pipeline once per article it was given, after its transaction ended."""
    if result not in INGEST_RESULTS:
        raise ValueError(f"ingest result must be one of {sorted(INGEST_RESULTS)}, got {result!r}")
    INGESTED_ARTICLES.labels(result).inc()
    if facts_proposed:
        FACTS_PROPOSED.inc(facts_proposed)
