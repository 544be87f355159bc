"""Extracted (PROPOSED) and rejected facts for the review tests, added with the ORM to a copy
of the seed database. Every quote is cut from its article's body, so offsets are exact."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import (
    AidKind,
    DateBasis,
    FactStatus,
    PolicyAction,
    ReviewStatus,
    Stance,
    StatementKind,
)
from db.fuzzy_date import FuzzyDate
from tests.conftest import Databases, seeded_database, with_session

BLINKEN_ARTICLE = "d3a3478c532dfe38"
CAMERON_QUOTE = (
    "Days ago, the British Foreign Minister, David Cameron, lifted his country’s veto to use its "
    "weapons to attack Russian territory"
)
AID_QUOTE = "Antony Blinken, who confirmed in Kyiv a new military aid package worth of two billion"
BLINKEN_QUOTE = "We do not encourage or facilitate attacks outside Ukraine"

# Keys of the facts this module adds.
PROPOSED_DECISION = "gb-lifted-weapons-use-extracted"
REJECTED_DECISION = "us-lifted-weapons-use-misread"
PROPOSED_PACKAGE = "us-ua-military-2b-extracted"
PROPOSED_STATEMENT = "blinken-no-encouragement-extracted"
PROPOSED_ROLE = "david-cameron-foreign-minister-extracted"


async def _id(session: AsyncSession, model: Any, column: Any, value: str) -> int:
    return int(await session.scalar(select(model.id).where(column == value)) or 0)


async def add_review_facts(session: AsyncSession) -> None:
    """Facts as the extractor would store them: PROPOSED, quotes with provenance."""
    article = await session.scalar(select(m.Article).where(m.Article.key == BLINKEN_ARTICLE))
    assert article is not None
    gb = await _id(session, m.Country, m.Country.iso2, "GB")
    us = await _id(session, m.Country, m.Country.iso2, "US")
    ua = await _id(session, m.Country, m.Country.iso2, "UA")
    topic = await _id(session, m.Topic, m.Topic.key, "weapons-use-on-russian-territory")
    cameron = await _id(session, m.Person, m.Person.key, "david-cameron")
    blinken = await _id(session, m.Person, m.Person.key, "antony-blinken")
    may = FuzzyDate.parse("2024-05")

    def quote(text: str, **fact: Any) -> m.Evidence:
        start = article.body.index(text)
        return m.Evidence(
            key=f"review-test-{len(text)}-{next(iter(fact.values())).key}"[:64],
            article_id=article.id,
            quote=text,
            start=start,
            end=start + len(text),
            stance=Stance.SUPPORTS,
            extractor="review-test",
            extractor_version="1",
            confidence=0.8,
            **{f"{name}_id": value.id for name, value in fact.items()},
        )

    proposed = m.PolicyDecision(
        key=PROPOSED_DECISION,
        country_id=gb,
        topic_id=topic,
        decided_by_id=cameron,
        action=PolicyAction.LIFTED,
        scope="Ukraine may use British weapons against Russian territory",
        status=FactStatus.REPORTED,
        review_status=ReviewStatus.PROPOSED,
    )
    proposed.set_date(may, DateBasis.FIRST_REPORTED)
    rejected = m.PolicyDecision(
        key=REJECTED_DECISION,
        country_id=us,
        topic_id=topic,
        action=PolicyAction.LIFTED,
        status=FactStatus.REPORTED,
        review_status=ReviewStatus.REJECTED,
    )
    package = m.AidPackage(
        key=PROPOSED_PACKAGE,
        donor_id=us,
        recipient_id=ua,
        amount=2_000_000_000,
        currency="USD",
        kind=AidKind.MILITARY,
        description="Military aid package worth two billion dollars",
        status=FactStatus.REPORTED,
        review_status=ReviewStatus.PROPOSED,
    )
    role = m.PersonRole(
        key=PROPOSED_ROLE,
        person_id=cameron,
        title="Foreign Minister",
        country_id=gb,
        review_status=ReviewStatus.PROPOSED,
    )
    session.add_all([proposed, rejected, package, role])
    await session.flush()
    start = article.body.index(BLINKEN_QUOTE)
    session.add_all(
        [
            quote(CAMERON_QUOTE, policy_decision=proposed),
            quote(CAMERON_QUOTE[:60], policy_decision=rejected),
            quote(AID_QUOTE, aid_package=package),
            quote(CAMERON_QUOTE[10:80], person_role=role),
            m.Statement(
                key=PROPOSED_STATEMENT,
                article_id=article.id,
                speaker_id=blinken,
                kind=StatementKind.DIRECT,
                quote=BLINKEN_QUOTE,
                start=start,
                end=start + len(BLINKEN_QUOTE),
                review_status=ReviewStatus.PROPOSED,
                extractor="review-test",
                extractor_version="1",
                confidence=0.7,
            ),
        ]
    )
    await session.flush()


def review_database(databases: Databases) -> str:
    """A fresh database: the seed dataset plus the facts above."""
    url = seeded_database(databases)
    with_session(url, add_review_facts)
    return url
