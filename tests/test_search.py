"""Full-text search: FTS5 on SQLite, english tsvector + GIN on PostgreSQL, on the seed data."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import pytest
from sqlalchemy import delete, func, inspect, select, text, update
from sqlalchemy.engine import Connection

from db import migrate
from db import models as m
from db.engine import AsyncSession, create_engine, session_factory
from db.queries import search
from tests.conftest import Databases, load

T = TypeVar("T")

KULEBA = "d3a3478c532dfe38"  # 000
STOLTENBERG_1 = "dd261ed79f1c11d9"  # 001
HIMERS = "3927557de837501e"  # 002, also mentions Stoltenberg

HOSTILE = [
    '"',
    '"unterminated',
    "AND OR NOT",
    "NOT",
    "Stoltenberg OR",
    "*",
    "**Kuleba*",
    "(",
    "NEAR(",
    "NEAR(Kuleba Blinken, 2)",
    "body:Himers",
    "^Himers",
    "-Stoltenberg",
    "'; DROP TABLE articles; --",
    "",
    "   ",
    "😀",
    "\x00",
    "\ud800",  # a lone surrogate: what JSON "\ud800" decodes to
    "x" * 10_000,
]


def with_session(url: str, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async def run() -> T:
        engine = create_engine(url)
        try:
            async with session_factory(engine)() as session:
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def article_keys(url: str, q: str) -> list[str]:
    """Keys of the articles matching `q`, best first."""

    async def work(session: AsyncSession) -> list[str]:
        ids = await search.search_articles(session, q)
        rows = await session.execute(select(m.Article.id, m.Article.key))
        keys = {id_: key for id_, key in rows}
        return [keys[i] for i in ids]

    return with_session(url, work)


def statement_keys(url: str, q: str) -> list[str]:
    """Keys of the statements matching `q`, best first."""

    async def work(session: AsyncSession) -> list[str]:
        ids = await search.search_statements(session, q)
        rows = await session.execute(select(m.Statement.id, m.Statement.key))
        keys = {id_: key for id_, key in rows}
        return [keys[i] for i in ids]

    return with_session(url, work)


def filtered_keys(url: str, q: str) -> tuple[list[str], list[str]]:
    """(article keys, statement keys) through the subqueries, composed the way a filter is."""

    async def work(session: AsyncSession) -> tuple[list[str], list[str]]:
        dialect = session.get_bind().dialect.name
        articles = await session.scalars(
            select(m.Article.key)
            .where(m.Article.id.in_(search.article_ids_matching(dialect, q)))
            .order_by(m.Article.key)
        )
        statements = await session.scalars(
            select(m.Statement.key)
            .where(m.Statement.id.in_(search.statement_ids_matching(dialect, q)))
            .order_by(m.Statement.key)
        )
        return list(articles), list(statements)

    return with_session(url, work)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Himers", '"Himers"'),
        ("  himers   ROCKET ", '"himers" "ROCKET"'),
        ("kharki*", '"kharki"*'),
        ("kharki *", '"kharki"'),
        ('say "no" (now)', '"say" "no" "now"'),
        ("AND OR NOT", '"AND" "OR" "NOT"'),
        ("NEAR(", '"NEAR"'),
        ("body:Himers", '"body" "Himers"'),
        ("'; DROP TABLE articles; --", '"DROP" "TABLE" "articles"'),
        ("Ukraine’s", '"Ukraine" "s"'),
        ("Sa\u0301nchez", '"Sánchez"'),  # decomposed accent is composed first
        ("snake_case", '"snake" "case"'),
        ("2024", '"2024"'),
        ('"', None),
        ("*", None),
        ("(", None),
        ("", None),
        ("😀 🇺🇦", None),
        ("\x00\ud800", None),
    ],
)
def test_fts_query_sqlite_quotes_every_word(text: str, expected: str | None) -> None:
    assert search.fts_query_sqlite(text) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Himers", {HIMERS}),
        ("Stoltenberg", {STOLTENBERG_1, HIMERS}),
        ("Kuleba", {KULEBA}),
        ("kuleba", {KULEBA}),
        ("KULEBA", {KULEBA}),
        ("stoltenberg HIMERS", {HIMERS}),  # words are AND-ed ...
        ("Stoltenberg Kuleba", set()),  # ... so no article has both
    ],
)
def test_search_articles(seeded_url: str, q: str, expected: set[str]) -> None:
    found = article_keys(seeded_url, q)
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert set(filtered_keys(seeded_url, q)[0]) == expected


def test_statements_search_finds_blinkens_poison(seeded_url: str) -> None:
    assert statement_keys(seeded_url, "poison") == ["blinken-disinformation-poison"]
    assert filtered_keys(seeded_url, "Poison")[1] == ["blinken-disinformation-poison"]


def test_backends_differ_on_accents_prefixes_stems_and_stop_words(
    seeded_url: str, databases: Databases
) -> None:
    """What each backend really does (article 000 says "Pedro Sánchez" and "Kharkiv"):

    - SQLite FTS5 (unicode61, remove_diacritics 2) folds accents, so "Sanchez" finds
      "Sánchez"; it does not stem, so "Kharkiv" needs the word or a prefix ("Kharki*"); and it
      has no stop words, so "the" matches every article.
    - PostgreSQL's `english` configuration keeps accents (no unaccent), so "Sanchez" does not
      find "Sánchez" (only "Sánchez" does); websearch_to_tsquery has no prefix search (the `*`
      is ignored, "Kharki*" looks for the word "kharki"); it stems ("attacks" finds "attack",
      "attacking"); and stop words match nothing ("the" alone finds no article).
    """
    assert article_keys(seeded_url, "Sánchez") == [KULEBA]
    assert article_keys(seeded_url, "SÁNCHEZ") == [KULEBA]
    kharkiv = set(article_keys(seeded_url, "Kharkiv"))
    assert KULEBA in kharkiv
    if databases.backend == "sqlite":
        assert article_keys(seeded_url, "Sanchez") == [KULEBA]
        assert set(article_keys(seeded_url, "Kharki*")) == kharkiv
        assert article_keys(seeded_url, "Kharki") == []
        assert len(article_keys(seeded_url, "the")) == 5
    else:
        assert article_keys(seeded_url, "Sanchez") == []
        assert article_keys(seeded_url, "Kharki*") == []
        assert set(article_keys(seeded_url, "attacks")) >= set(
            article_keys(seeded_url, "attacking")
        )
        assert article_keys(seeded_url, "the") == []


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_never_raises(seeded_url: str, q: str) -> None:
    assert isinstance(article_keys(seeded_url, q), list)
    assert isinstance(statement_keys(seeded_url, q), list)
    articles, statements = filtered_keys(seeded_url, q)
    assert isinstance(articles, list)
    assert isinstance(statements, list)


def test_hostile_input_is_words_not_syntax(seeded_url: str) -> None:
    # "-" does not exclude and "OR" is a word, on both backends.
    assert set(article_keys(seeded_url, "-Stoltenberg")) == {STOLTENBERG_1, HIMERS}
    assert article_keys(seeded_url, "Stoltenberg OR Kuleba") == []
    assert article_keys(seeded_url, "'; DROP TABLE articles; --") == []

    async def count(session: AsyncSession) -> int:
        return (await session.scalar(select(func.count()).select_from(m.Article))) or 0

    assert with_session(seeded_url, count) == 5


def test_no_word_matches_nothing() -> None:
    for dialect in ("sqlite", "postgresql"):
        sql = str(search.article_ids_matching(dialect, "(*)").compile())
        assert "fts" not in sql.lower()
    with pytest.raises(ValueError, match="not available"):
        search.article_ids_matching("mysql", "Kuleba")


async def _add_article(session: AsyncSession) -> int:
    article = m.Article(
        key="fts-test",
        title="Quagga report",
        language="en",
        body="A zebra crossed the Dnipro.",
        content_hash="0" * 64,
    )
    session.add(article)
    await session.flush()
    session.add(
        m.Statement(
            key="fts-test-statement",
            article_id=article.id,
            kind="DIRECT",
            quote="zebra",
            start=2,
            end=7,
        )
    )
    await session.commit()
    return article.id


async def _fts_integrity(session: AsyncSession) -> None:
    """SQLite: fail unless each FTS index matches its content table exactly."""
    if session.get_bind().dialect.name == "sqlite":
        for fts in ("articles_fts", "statements_fts"):
            await session.execute(
                text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            )


def test_index_follows_insert_update_delete(databases: Databases) -> None:
    url = databases.new()
    migrate.upgrade(url)
    asyncio.run(load(url))

    article_id = with_session(url, _add_article)
    with_session(url, _fts_integrity)
    assert article_keys(url, "zebra Dnipro") == ["fts-test"]
    assert article_keys(url, "quagga") == ["fts-test"]  # the title is indexed too
    assert statement_keys(url, "zebra") == ["fts-test-statement"]

    async def edit(session: AsyncSession) -> None:
        await session.execute(
            update(m.Article)
            .where(m.Article.id == article_id)
            .values(body="An okapi crossed the Dnipro.", title=None)
        )
        await session.execute(
            update(m.Statement).where(m.Statement.article_id == article_id).values(quote="okapi")
        )
        await session.commit()

    with_session(url, edit)
    with_session(url, _fts_integrity)
    assert article_keys(url, "zebra") == []
    assert article_keys(url, "quagga") == []
    assert article_keys(url, "okapi") == ["fts-test"]
    assert statement_keys(url, "zebra") == []
    assert statement_keys(url, "okapi") == ["fts-test-statement"]
    assert article_keys(url, "Himers") == [HIMERS]  # other rows untouched

    async def remove(session: AsyncSession) -> None:
        # The statement goes by ON DELETE CASCADE, whose delete trigger must fire too.
        await session.execute(delete(m.Article).where(m.Article.id == article_id))
        await session.commit()

    with_session(url, remove)
    with_session(url, _fts_integrity)
    assert article_keys(url, "okapi") == []
    assert statement_keys(url, "okapi") == []
    assert filtered_keys(url, "okapi") == ([], [])


def _search_objects(url: str) -> set[str]:
    """The full-text search tables (SQLite) or indexes (PostgreSQL) in the database."""

    def read(connection: Connection) -> set[str]:
        inspector = inspect(connection)
        names = set(inspector.get_table_names())
        for table in ("articles", "statements"):
            names |= {str(i["name"]) for i in inspector.get_indexes(table)}
        return {n for n in names if "fts" in n}

    async def run() -> set[str]:
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                return await connection.run_sync(read)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_migration_indexes_existing_rows_and_downgrades(databases: Databases) -> None:
    url = databases.new()
    # The loader writes through today's models: load at the head, then go back to 0002.
    migrate.upgrade(url)
    asyncio.run(load(url))
    migrate.downgrade(url, "0002")
    assert _search_objects(url) == set()

    migrate.upgrade(url, "0003")  # the rows already there get indexed
    objects = _search_objects(url)
    if databases.backend == "sqlite":
        assert {"articles_fts", "statements_fts"} <= objects
    else:
        assert objects == {"ix_articles_fts", "ix_statements_fts"}
    with_session(url, _fts_integrity)
    assert article_keys(url, "Himers") == [HIMERS]
    assert statement_keys(url, "poison") == ["blinken-disinformation-poison"]

    migrate.downgrade(url, "0002")
    assert migrate.current(url) == ("0002",)
    assert _search_objects(url) == set()

    async def triggers(session: AsyncSession) -> list[Any]:
        if session.get_bind().dialect.name != "sqlite":
            return []
        rows = await session.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
        return list(rows)

    assert with_session(url, triggers) == []

    migrate.upgrade(url)
    assert article_keys(url, "Himers") == [HIMERS]
    assert statement_keys(url, "poison") == ["blinken-disinformation-poison"]


def test_postgres_search_uses_the_gin_indexes(seeded_url: str, databases: Databases) -> None:
    if databases.backend != "postgresql":
        pytest.skip("PostgreSQL only")

    async def plans(session: AsyncSession) -> list[str]:
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        found = []
        for stmt in (
            select(m.Article.id).where(
                m.Article.id.in_(search.article_ids_matching("postgresql", "Himers"))
            ),
            search.statement_ids_matching("postgresql", "poison"),
        ):
            compiled = stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
            rows = await session.execute(text(f"EXPLAIN {compiled}"))
            found.append("\n".join(row[0] for row in rows))
        return found

    articles_plan, statements_plan = with_session(seeded_url, plans)
    assert "ix_articles_fts" in articles_plan, articles_plan
    assert "ix_statements_fts" in statements_plan, statements_plan
