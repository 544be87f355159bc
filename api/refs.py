"""Small JSON shapes embedded in REST items: references to countries, people, articles, dates."""

from typing import Any

from db import models as m
from db.enums import DateBasis
from db.fuzzy_date import FuzzyDate
from db.queries.evidence import Support
from schema.node import global_id

JSON = dict[str, Any]


def date_json(value: FuzzyDate | None, basis: DateBasis | None = None) -> JSON | None:
    if value is None:
        return None
    return {
        "value": value.value,
        "precision": value.precision.value,
        "earliest": value.earliest.isoformat(),
        "latest": value.latest.isoformat(),
        "basis": basis.value if basis else None,
    }


def country_ref(row: m.Country | None) -> JSON | None:
    if row is None:
        return None
    return {"id": global_id("Country", row.iso2), "iso2": row.iso2, "name": row.name}


def person_ref(row: m.Person | None) -> JSON | None:
    if row is None:
        return None
    return {"id": global_id("Person", row.key), "slug": row.key, "name": row.name}


def organization_ref(row: m.Organization | None) -> JSON | None:
    if row is None:
        return None
    return {"id": global_id("Organization", row.key), "slug": row.key, "name": row.name}


def outlet_ref(row: m.Outlet | None) -> JSON | None:
    if row is None:
        return None
    return {"id": global_id("Outlet", row.key), "slug": row.key, "name": row.name}


def place_ref(row: m.Place | None) -> JSON | None:
    if row is None:
        return None
    return {"id": global_id("Place", row.key), "slug": row.key, "name": row.name}


def article_ref(row: m.Article) -> JSON:
    return {
        "id": global_id("Article", row.key),
        "title": row.title,
        "url": row.url,
        "published": row.published_value,
    }


def quote_json(row: m.Evidence) -> JSON:
    """An evidence row's id, quote, offsets and stance."""
    return {
        "id": global_id("Evidence", row.key),
        "quote": row.quote,
        "start": row.start,
        "end": row.end,
        "stance": row.stance.value,
    }


def evidence_json(row: m.Evidence, article: m.Article) -> JSON:
    return {**quote_json(row), "article": article_ref(article)}


def support_json(support: Support) -> JSON:
    return {
        "supporting_articles": support.articles,
        "supporting_sources": support.sources,
        "supporting_outlets": support.outlets,
        "disputing_quotes": support.disputing,
        "corroborated": support.sources >= 2,
    }


def amount_json(value: Any) -> int | float | None:
    """Whole amounts as integers (exact in JSON), others as numbers."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)
