"""Read the shipped dataset and check it before anything is written."""

import pathlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

Entry = Mapping[str, Any]

# Sections of facts.yaml whose entries carry `evidence:` lists, with their evidence column.
EVIDENCE_SECTIONS = {
    "policy_decisions": "policy_decision_id",
    "aid_packages": "aid_package_id",
    "agreements": "agreement_id",
    "events": "event_id",
}


class CuratedDataError(ValueError):
    """The shipped data is inconsistent; the message lists every problem found."""


def read_yaml(path: pathlib.Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_bodies(facts: Entry, data_dir: pathlib.Path) -> dict[str, str]:
    """Article bodies exactly as shipped, keyed by article key."""
    bodies = {}
    for article in facts.get("articles") or []:
        path = data_dir / article["file"]
        # newline="" keeps the text byte-for-byte: offsets are into the body as received.
        with path.open(encoding="utf-8", newline="") as handle:
            bodies[article["key"]] = handle.read()
    return bodies


def _all_evidence(facts: Entry) -> Iterable[tuple[str, Entry]]:
    for section in EVIDENCE_SECTIONS:
        for fact in facts.get(section) or []:
            for evidence in fact.get("evidence") or []:
                yield f"{section}/{fact['key']}", evidence
    for person in facts.get("people") or []:
        for role in person.get("roles") or []:
            for evidence in role.get("evidence") or []:
                yield f"people/{person['key']}/roles/{role['key']}", evidence


def verify(facts: Entry, bodies: Mapping[str, str]) -> None:
    """Fail loudly unless every quote is its article's text at the stated offsets."""
    problems: list[str] = []
    spans: list[tuple[str, Entry]] = list(_all_evidence(facts))
    spans += [(f"statements/{s['key']}", s) for s in facts.get("statements") or []]
    for where, span in spans:
        body = bodies.get(span["article"])
        if body is None:
            problems.append(f"{where}: unknown article {span['article']!r}")
            continue
        start, end, quote = span.get("start"), span.get("end"), span.get("quote")
        if not isinstance(start, int) or not isinstance(end, int) or not quote:
            problems.append(f"{where}: quote, start and end are required")
        elif body[start:end] != quote:
            problems.append(
                f"{where}: quote {quote!r} is not the text of article {span['article']} "
                f"at [{start}:{end}] (found {body[start:end]!r})"
            )
    for section in EVIDENCE_SECTIONS:
        for fact in facts.get(section) or []:
            stances = {e["stance"] for e in fact.get("evidence") or []}
            if not fact.get("evidence"):
                problems.append(f"{section}/{fact['key']}: a fact needs evidence")
            if "DISPUTES" in stances and fact.get("status") not in {"DISPUTED", "DENIED"}:
                problems.append(
                    f"{section}/{fact['key']}: has disputing evidence but status "
                    f"{fact.get('status')!r} (expected DISPUTED or DENIED)"
                )
    for section in [
        "articles",
        "people",
        "organizations",
        "places",
        "statements",
        "topics",
        "outlets",
        *EVIDENCE_SECTIONS,
    ]:
        keys = Counter(entry["key"] for entry in facts.get(section) or [])
        problems += [f"{section}: duplicate key {k!r}" for k, n in keys.items() if n > 1]
    if problems:
        raise CuratedDataError("curated data is invalid:\n  " + "\n  ".join(problems))
