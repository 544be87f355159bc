"""Fill quote offsets in data/facts.yaml from the seed articles, or validate it with --check."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent
FACTS_PATH = DATA_DIR / "facts.yaml"

SECTIONS = (
    "outlets",
    "articles",
    "topics",
    "organizations",
    "places",
    "people",
    "policy_decisions",
    "aid_packages",
    "agreements",
    "events",
    "statements",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ALPHA2 = re.compile(r"^[A-Z]{2}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
DATE_SHAPES = {
    "YEAR": re.compile(r"^\d{4}$"),
    "MONTH": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "DAY": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}
STANCES = {"SUPPORTS", "DISPUTES"}
ORG_KINDS = {"ALLIANCE", "FORUM", "GOVERNMENT_BODY", "MILITARY", "MEDIA", "AGENCY", "OTHER"}
PLACE_KINDS = {"CITY", "TOWN", "REGION", "RIVER", "OTHER"}
ACTIONS = {"LIFTED", "EASED", "MAINTAINED", "REFUSED", "ADVOCATED"}
FACT_STATUSES = {"REPORTED", "CONFIRMED", "DISPUTED", "DENIED"}
DATE_BASES = {"DECIDED", "ANNOUNCED", "FIRST_REPORTED"}
EVENT_DATE_BASES = DATE_BASES | {"OCCURRED"}
AID_KINDS = {"MILITARY", "FINANCIAL", "HUMANITARIAN"}
AGREEMENT_KINDS = {"BILATERAL_SECURITY", "MEMORANDUM", "FRAMEWORK", "OTHER"}
AGREEMENT_STATUSES = {"PLANNED", "NEGOTIATING", "SIGNED", "POSTPONED"}
EVENT_KINDS = {"OFFENSIVE", "ATTACK", "LIBERATION", "OTHER"}
STATEMENT_KINDS = {"DIRECT", "PARAPHRASE"}


def read_header(text: str) -> str:
    """Return the leading block of comment lines (those starting with '#')."""
    header: list[str] = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        header.append(line)
    return "".join(header)


def load_bodies(facts: dict[str, Any], data_dir: Path) -> dict[str, str]:
    """Read every article body exactly as stored, keyed by article key."""
    return {
        article["key"]: open(data_dir / article["file"], encoding="utf-8").read()
        for article in facts.get("articles") or []
    }


def iter_quoted(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every mapping that carries an article quote: evidence entries and statements."""
    if isinstance(node, dict):
        if "quote" in node and "article" in node:
            yield node
        for value in node.values():
            yield from iter_quoted(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_quoted(item)


def occurrences(body: str, quote: str) -> list[int]:
    """Return every start index of quote in body, overlapping matches included."""
    starts: list[int] = []
    index = body.find(quote)
    while index != -1:
        starts.append(index)
        index = body.find(quote, index + 1)
    return starts


def fill_offsets(facts: dict[str, Any], bodies: dict[str, str]) -> list[str]:
    """Set start/end on every quoted mapping; return an error per quote not found exactly once."""
    errors: list[str] = []
    for item in iter_quoted(facts):
        body = bodies.get(item["article"])
        quote = item["quote"]
        if body is None:
            errors.append(f"unknown article {item['article']!r} for quote {quote!r}")
            continue
        if not isinstance(quote, str) or not quote:
            errors.append(f"empty quote in article {item['article']}")
            continue
        starts = occurrences(body, quote)
        if len(starts) != 1:
            errors.append(
                f"quote occurs {len(starts)} times in article {item['article']}: {quote!r}"
            )
            continue
        item["start"] = starts[0]
        item["end"] = starts[0] + len(quote)
    return errors


def iso_alpha2_codes() -> set[str] | None:
    """Return the ISO 3166-1 alpha-2 codes if pycountry is installed, else None."""
    try:
        pycountry = importlib.import_module("pycountry")
    except ImportError:
        return None
    return {country.alpha_2 for country in pycountry.countries}


def check_facts(facts: dict[str, Any], bodies: dict[str, str], data_dir: Path) -> list[str]:
    """Validate offsets, references, keys, enums, codes and dates; return the problems found."""
    errors: list[str] = []
    known_countries = iso_alpha2_codes()

    def err(where: str, message: str) -> None:
        errors.append(f"{where}: {message}")

    if list(facts) != list(SECTIONS):
        err("top level", f"sections must be {list(SECTIONS)}, got {list(facts)}")

    keys: dict[str, set[str]] = {}
    for section in SECTIONS:
        seen: set[str] = set()
        for item in facts.get(section) or []:
            key = item.get("key")
            if not isinstance(key, str) or not SLUG.match(key):
                err(section, f"bad key {key!r}")
            elif key in seen:
                err(section, f"duplicate key {key!r}")
            seen.add(str(key))
        keys[section] = seen
    role_keys: set[str] = set()
    for person in facts.get("people") or []:
        for role in person.get("roles") or []:
            if not SLUG.match(str(role.get("key"))) or role["key"] in role_keys:
                err(f"people.{person['key']}", f"bad or duplicate role key {role.get('key')!r}")
            role_keys.add(str(role.get("key")))

    def ref(where: str, section: str, value: Any, nullable: bool = True) -> None:
        if value is None and nullable:
            return
        if value not in keys[section]:
            err(where, f"unknown {section} key {value!r}")

    def country(where: str, value: Any, nullable: bool = True) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, str) or not ALPHA2.match(value):
            err(where, f"bad ISO alpha-2 code {value!r}")
        elif known_countries is not None and value not in known_countries:
            err(where, f"unknown ISO alpha-2 code {value!r}")

    def enum(where: str, value: Any, allowed: set[str], nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in allowed:
            err(where, f"{value!r} not in {sorted(allowed)}")

    def date(where: str, value: Any, basis: Any, bases: set[str] | None) -> None:
        if value is None:
            if bases is not None and basis is not None:
                err(where, "date_basis must be null when date is null")
            return
        if not isinstance(value, dict) or set(value) != {"value", "precision"}:
            err(where, f"bad date {value!r}")
            return
        text, precision = value["value"], value["precision"]
        shape = DATE_SHAPES.get(precision)
        if shape is None or not isinstance(text, str) or not shape.match(text):
            err(where, f"date {text!r} does not match precision {precision!r}")
        elif precision == "DAY":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                err(where, f"invalid day {text!r}")
        if bases is not None:
            enum(where, basis, bases)

    for item in iter_quoted(facts):
        where = f"quote {item.get('quote')!r}"
        body = bodies.get(str(item.get("article")))
        if body is None:
            err(where, f"unknown article {item.get('article')!r}")
            continue
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            err(where, "start/end not filled")
        elif body[start:end] != item["quote"]:
            err(where, f"body[{start}:{end}] != quote")
        elif len(occurrences(body, item["quote"])) != 1:
            err(where, "quote is not unique in its article")
        if "stance" in item:
            enum(where, item["stance"], STANCES)

    for article in facts.get("articles") or []:
        where = f"articles.{article['key']}"
        path = data_dir / str(article.get("file"))
        if not path.is_file():
            err(where, f"missing file {path}")
        elif article["key"] not in path.name:
            err(where, "key does not match the file name")
        ref(where, "outlets", article.get("outlet"))
        for author in article.get("authors") or []:
            ref(where, "people", author, nullable=False)
        date(where, article.get("published"), None, None)

    for org in facts.get("organizations") or []:
        where = f"organizations.{org['key']}"
        enum(where, org.get("kind"), ORG_KINDS)
        country(where, org.get("country"))

    for place in facts.get("places") or []:
        where = f"places.{place['key']}"
        enum(where, place.get("kind"), PLACE_KINDS)
        country(where, place.get("country"))
        ref(where, "places", place.get("parent"))

    for person in facts.get("people") or []:
        where = f"people.{person['key']}"
        country(where, person.get("nationality"))
        for role in person.get("roles") or []:
            role_where = f"{where}.{role.get('key')}"
            ref(role_where, "organizations", role.get("organization"))
            country(role_where, role.get("country"))
            if not role.get("evidence"):
                err(role_where, "role without evidence")

    def fact_evidence(where: str, item: dict[str, Any]) -> list[dict[str, Any]]:
        evidence = item.get("evidence") or []
        if not evidence:
            err(where, "no evidence")
        return evidence

    for decision in facts.get("policy_decisions") or []:
        where = f"policy_decisions.{decision['key']}"
        country(where, decision.get("country"))
        ref(where, "organizations", decision.get("organization"))
        if decision.get("country") is None and decision.get("organization") is None:
            err(where, "needs a country or an organization")
        ref(where, "people", decision.get("decided_by"))
        ref(where, "topics", decision.get("topic"), nullable=False)
        enum(where, decision.get("action"), ACTIONS)
        date(where, decision.get("date"), decision.get("date_basis"), DATE_BASES)
        enum(where, decision.get("status"), FACT_STATUSES)
        stances = {e.get("stance") for e in fact_evidence(where, decision)}
        if "DISPUTES" in stances and decision.get("status") not in {"DISPUTED", "DENIED"}:
            err(where, "has DISPUTES evidence but status is not DISPUTED/DENIED")

    for package in facts.get("aid_packages") or []:
        where = f"aid_packages.{package['key']}"
        country(where, package.get("donor"), nullable=False)
        country(where, package.get("recipient"), nullable=False)
        amount, currency = package.get("amount"), package.get("currency")
        if amount is not None and not (isinstance(amount, str) and amount.isdigit()):
            err(where, f"amount must be a string of digits, got {amount!r}")
        if (amount is None) != (currency is None):
            err(where, "amount and currency must both be set or both be null")
        if currency is not None and not CURRENCY.match(str(currency)):
            err(where, f"bad currency {currency!r}")
        enum(where, package.get("kind"), AID_KINDS)
        date(where, package.get("date"), package.get("date_basis"), DATE_BASES)
        ref(where, "people", package.get("announced_by"))
        ref(where, "people", package.get("authorized_by"))
        enum(where, package.get("status"), FACT_STATUSES)
        fact_evidence(where, package)

    for agreement in facts.get("agreements") or []:
        where = f"agreements.{agreement['key']}"
        enum(where, agreement.get("kind"), AGREEMENT_KINDS)
        for party in agreement.get("parties") or []:
            country(where, party, nullable=False)
        ref(where, "organizations", agreement.get("organization"))
        enum(where, agreement.get("status"), AGREEMENT_STATUSES)
        date(where, agreement.get("date"), agreement.get("date_basis"), DATE_BASES)
        fact_evidence(where, agreement)

    for event in facts.get("events") or []:
        where = f"events.{event['key']}"
        enum(where, event.get("kind"), EVENT_KINDS)
        country(where, event.get("actor"))
        ref(where, "places", event.get("place"))
        date(where, event.get("date"), event.get("date_basis"), EVENT_DATE_BASES)
        fact_evidence(where, event)

    for statement in facts.get("statements") or []:
        where = f"statements.{statement['key']}"
        ref(where, "articles", statement.get("article"), nullable=False)
        ref(where, "people", statement.get("speaker"))
        ref(where, "organizations", statement.get("speaker_organization"))
        speakers = [statement.get(k) for k in ("speaker", "speaker_organization", "speaker_label")]
        if sum(s is not None for s in speakers) != 1:
            err(where, "needs exactly one of speaker, speaker_organization, speaker_label")
        enum(where, statement.get("kind"), STATEMENT_KINDS)
        date(where, statement.get("date"), None, None)

    return errors


def write_facts(path: Path, header: str, facts: dict[str, Any]) -> None:
    """Rewrite the facts file: the preserved comment header followed by the YAML dump."""
    dumped = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(header + dumped, encoding="utf-8")


def summary(facts: dict[str, Any]) -> str:
    """Return a one-line count of items per section and of quoted spans."""
    counts = ", ".join(f"{s}={len(facts.get(s) or [])}" for s in SECTIONS)
    return f"{counts}, quotes={sum(1 for _ in iter_quoted(facts))}"


def main(argv: list[str] | None = None) -> int:
    """Fill offsets (default) or only validate (--check); return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="validate only, do not write")
    parser.add_argument("--facts", type=Path, default=FACTS_PATH, help="path to facts.yaml")
    args = parser.parse_args(argv)
    path: Path = args.facts
    text = path.read_text(encoding="utf-8")
    facts = yaml.safe_load(text)
    bodies = load_bodies(facts, path.parent)

    if not args.check:
        errors = fill_offsets(facts, bodies)
        if errors:
            for line in errors:
                print(line, file=sys.stderr)
            return 1
        write_facts(path, read_header(text), facts)
        facts = yaml.safe_load(path.read_text(encoding="utf-8"))

    errors = check_facts(facts, bodies, path.parent)
    for line in errors:
        print(line, file=sys.stderr)
    print(("FAILED: " if errors else "ok: ") + summary(facts))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
