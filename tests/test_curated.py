"""The shipped dataset: quotes verified before loading, loads idempotently, meets the floor."""

import asyncio
import pathlib
import shutil
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select

from db import migrate
from db import models as m
from db.engine import create_engine, session_factory
from db.queries.dataset_version import get_data_version
from ingest.curated import DATA_DIR, CuratedDataError, read_bodies, read_yaml, verify
from tests.conftest import Databases, load


def copy_data(tmp_path: pathlib.Path) -> pathlib.Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("tools"))
    return target


def rewrite_facts(data_dir: pathlib.Path, change: Callable[[Any], None]) -> None:
    path = data_dir / "facts.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(facts)
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_shipped_data_verifies() -> None:
    facts = read_yaml(DATA_DIR / "facts.yaml")
    verify(facts, read_bodies(facts, DATA_DIR))


def test_seed_articles_ship_unchanged() -> None:
    shared = pathlib.Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for original in shared.glob("*.txt"):
        assert (DATA_DIR / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_a_shifted_offset_fails_loudly(tmp_path: pathlib.Path) -> None:
    data = copy_data(tmp_path)

    def shift(facts: Any) -> None:
        facts["policy_decisions"][0]["evidence"][0]["start"] += 1

    rewrite_facts(data, shift)
    facts = read_yaml(data / "facts.yaml")
    with pytest.raises(CuratedDataError, match="is not the text of article"):
        verify(facts, read_bodies(facts, data))


def test_a_reworded_quote_fails_loudly(tmp_path: pathlib.Path) -> None:
    data = copy_data(tmp_path)

    def reword(facts: Any) -> None:
        facts["statements"][0]["quote"] = facts["statements"][0]["quote"].replace("e", "E", 1)

    rewrite_facts(data, reword)
    facts = read_yaml(data / "facts.yaml")
    with pytest.raises(CuratedDataError, match="statements/"):
        verify(facts, read_bodies(facts, data))


def test_disputing_evidence_requires_a_disputed_status(tmp_path: pathlib.Path) -> None:
    data = copy_data(tmp_path)

    def confirm(facts: Any) -> None:
        for decision in facts["policy_decisions"]:
            if decision["status"] == "DISPUTED":
                decision["status"] = "CONFIRMED"

    rewrite_facts(data, confirm)
    facts = read_yaml(data / "facts.yaml")
    with pytest.raises(CuratedDataError, match="has disputing evidence"):
        verify(facts, read_bodies(facts, data))


def test_invalid_data_writes_nothing(databases: Databases, tmp_path: pathlib.Path) -> None:
    data = copy_data(tmp_path)

    def shift(facts: Any) -> None:
        facts["aid_packages"][0]["evidence"][0]["end"] += 3

    rewrite_facts(data, shift)
    url = databases.new()
    migrate.upgrade(url)
    with pytest.raises(CuratedDataError):
        asyncio.run(load(url, data))
    assert asyncio.run(count_rows(url, m.Country)) == 0


async def count_rows(url: str, model: type[Any]) -> int:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return int(await session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        await engine.dispose()


def test_loading_twice_changes_nothing(databases: Databases) -> None:
    url = databases.new()
    migrate.upgrade(url)
    first = asyncio.run(load(url))
    assert first.created["articles"] == 5
    before = {t: asyncio.run(count_rows(url, t)) for t in (m.Evidence, m.PolicyDecision, m.Person)}
    second = asyncio.run(load(url))
    assert not second.changed, second.summary()
    after = {t: asyncio.run(count_rows(url, t)) for t in before}
    assert before == after


def test_acceptance_floor(seeded_url: str) -> None:
    async def check() -> None:
        engine = create_engine(seeded_url)
        async with session_factory(engine)() as session:
            people = set((await session.scalars(select(m.Person.name))).all())
            assert {
                "Antony Blinken",
                "Dmytro Kuleba",
                "David Cameron",
                "Volodymyr Zelensky",
                "Pedro Sánchez",
                "Felipe VI",
                "Kyrylo Budanov",
                "Oleksandr Syrsky",
                "Jens Stoltenberg",
                "Emmanuel Macron",
                "Joe Biden",
                "Sabrina Singh",
                "Donald Trump",
                "Maciej Zubel",
            } <= people
            decisions = (
                await session.execute(
                    select(
                        m.Country.iso2, m.PolicyDecision.action, m.PolicyDecision.date_value
                    ).join(m.Country, m.Country.id == m.PolicyDecision.country_id)
                )
            ).all()
            found = {(c, a.value, d) for c, a, d in decisions}
            assert ("GB", "LIFTED", "2024-05") in found
            assert ("US", "EASED", "2024-05-30") in found
            assert any(c == "US" and a == "MAINTAINED" for c, a, _ in found)
            for code in ["FR", "EE", "LV", "LT", "PL"]:
                assert (code, "ADVOCATED") in {(c, a) for c, a, _ in found}
            amounts = set((await session.scalars(select(m.AidPackage.amount))).all())
            assert {2_000_000_000, 275_000_000} <= {int(a) for a in amounts if a is not None}
            # Every stored quote is its article's text at its offsets.
            rows = await session.execute(
                select(m.Evidence.quote, m.Evidence.start, m.Evidence.end, m.Article.body).join(
                    m.Article, m.Article.id == m.Evidence.article_id
                )
            )
            for quote, start, end, body in rows:
                assert body[start:end] == quote
        await engine.dispose()

    asyncio.run(check())


def test_loading_bumps_the_data_version_only_on_change(databases: Databases) -> None:
    async def version(url: str) -> int:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session:
                return await get_data_version(session)
        finally:
            await engine.dispose()

    url = databases.new()
    migrate.upgrade(url)
    assert asyncio.run(version(url)) == 0
    asyncio.run(load(url))
    assert asyncio.run(version(url)) == 1
    asyncio.run(load(url))
    assert asyncio.run(version(url)) == 1
