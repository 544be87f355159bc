"""The JSON answer to an article intake: the article, the facts it gave, what was new."""

from typing import Any

from api.refs import amount_json, date_json, person_ref, quote_json, support_json
from api.related import Related
from db import models as m
from ingest.outcome import COLUMNS, FactOutcome, IngestResult
from schema.node import global_id

JSON = dict[str, Any]
TYPE_NAMES = {
    "policy_decision": "PolicyDecision",
    "aid_package": "AidPackage",
    "person_role": "PersonRole",
}
LISTS = {
    "policy_decision": "policy_decisions",
    "aid_package": "aid_packages",
    "person_role": "person_roles",
}


def _evidence(row: m.Evidence) -> JSON:
    return {
        **quote_json(row),
        "extractor": row.extractor,
        "extractor_version": row.extractor_version,
        "confidence": row.confidence,
    }


async def _summaries(rel: Related, facts: list[FactOutcome]) -> dict[int, str]:
    """A one-line description of each fact, by Python object id."""
    rows = [f.row for f in facts]
    countries = await rel.by_id(
        m.Country,
        [getattr(r, a, None) for r in rows for a in ("country_id", "donor_id", "recipient_id")],
    )
    orgs = await rel.by_id(m.Organization, (getattr(r, "organization_id", None) for r in rows))
    people = await rel.by_id(m.Person, (getattr(r, "person_id", None) for r in rows))
    topics = await rel.by_id(m.Topic, (getattr(r, "topic_id", None) for r in rows))

    def name(table: dict[int, Any], pk: int | None) -> str | None:
        return table[pk].name if pk is not None and pk in table else None

    out: dict[int, str] = {}
    for f in facts:
        r = f.row
        when = f", {r.date_value}" if r.date_value else ""
        if f.kind == "policy_decision":
            actor = name(countries, r.country_id) or name(orgs, r.organization_id)
            topic = topics[r.topic_id].key if r.topic_id in topics else "?"
            out[id(r)] = f"{actor} {r.action.value} ({topic}){when}"
        elif f.kind == "aid_package":
            value = f"{r.currency} {amount_json(r.amount)}" if r.amount is not None else "in kind"
            donor, recipient = name(countries, r.donor_id), name(countries, r.recipient_id)
            out[id(r)] = f"{r.kind.value} aid, {donor} to {recipient}: {value}{when}"
        elif f.kind == "person_role":
            where = name(orgs, r.organization_id) or name(countries, r.country_id)
            suffix = f", {where}" if where else ""
            out[id(r)] = f"{name(people, r.person_id)}: {r.title}{suffix}"
    return out


async def ingest_json(rel: Related, result: IngestResult, article: JSON) -> JSON:
    """The article (as GET /v1/articles/{id} shows it), `created`, `notes` and its `facts`."""
    facts = [f for f in result.facts if f.kind != "statement"]
    summaries = await _summaries(rel, facts)
    support = {
        kind: await rel.support(column, [f.row.id for f in facts if f.kind == kind])
        for kind, column in COLUMNS.items()
    }
    listed: dict[str, list[JSON]] = {name: [] for name in LISTS.values()}
    for f in facts:
        listed[LISTS[f.kind]].append(
            {
                "id": global_id(TYPE_NAMES[f.kind], f.row.key),
                "slug": f.row.key,
                "summary": summaries[id(f.row)],
                "new": f.new,
                "review_status": f.row.review_status.value,
                "status": f.row.status.value if hasattr(f.row, "status") else None,
                "confidence": f.confidence,
                "corroboration": support_json(support[f.kind][f.row.id]),
                "evidence": [_evidence(e) for e in f.evidence],
            }
        )
    statements = [f for f in result.facts if f.kind == "statement"]
    speakers = await rel.by_id(m.Person, (f.row.speaker_id for f in statements))
    listed["statements"] = [
        {
            "id": global_id("Statement", s.row.key),
            "slug": s.row.key,
            "kind": s.row.kind.value,
            "quote": s.row.quote,
            "start": s.row.start,
            "end": s.row.end,
            "speaker": person_ref(speakers.get(s.row.speaker_id or 0)),
            "speaker_label": s.row.speaker_label,
            "date": date_json(s.row.date),
            "new": s.new,
            "review_status": s.row.review_status.value,
            "extractor": s.row.extractor,
            "extractor_version": s.row.extractor_version,
            "confidence": s.row.confidence,
        }
        for s in statements
    ]
    return {**article, "created": result.created, "notes": result.notes, "facts": listed}
