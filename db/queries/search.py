"""Full-text search over articles and statements: SQLite FTS5 or PostgreSQL tsvector."""

import dataclasses
import re
import unicodedata
from typing import Any

# Registers the typed to_tsvector()/ts_rank() constructs func.* needs to compile on PostgreSQL.
import sqlalchemy.dialects.postgresql  # noqa: F401
from sqlalchemy import (
    ColumnElement,
    Select,
    TableClause,
    column,
    false,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m

# A word: a run of Unicode letters or digits, optionally followed by `*` (prefix search).
_WORD = re.compile(r"([^\W_]+)(\*?)")

# PostgreSQL: these must stay identical to the GIN index expressions of migration 0003, or
# the planner cannot use the indexes; the constants are inlined SQL, not bound parameters.
_ENGLISH: ColumnElement[str] = literal_column("'english'")
ARTICLE_TSVECTOR: ColumnElement[Any] = func.to_tsvector(
    _ENGLISH,
    func.coalesce(m.Article.title, literal_column("''"))
    .concat(literal_column("' '"))
    .concat(m.Article.body),
)
STATEMENT_TSVECTOR: ColumnElement[Any] = func.to_tsvector(_ENGLISH, m.Statement.quote)


@dataclasses.dataclass(frozen=True)
class _Target:
    """What one search runs over, on each backend."""

    fts: TableClause  # SQLite FTS5 external-content table: rowid is the content row's id
    pk: Any
    tsvector: ColumnElement[Any]


_ARTICLES = _Target(
    table("articles_fts", column("rowid"), column("rank")), m.Article.id, ARTICLE_TSVECTOR
)
_STATEMENTS = _Target(
    table("statements_fts", column("rowid"), column("rank")), m.Statement.id, STATEMENT_TSVECTOR
)


def fts_query_sqlite(text: str) -> str | None:
    """A safe FTS5 MATCH expression for user input: every word quoted as an FTS5 string, all
    AND-ed; a `*` right after a word keeps prefix search. None when no word remains."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    return " ".join(f'"{word}"{star}' for word, star in words) or None


def _tsquery(query: str) -> ColumnElement[Any]:
    # `query` is fts_query_sqlite's output: quoted words, so websearch_to_tsquery ANDs them
    # as SQLite does ("or" and "-" are not operators); it ignores the prefix `*`.
    return func.websearch_to_tsquery(_ENGLISH, query)


def _matching(dialect_name: str, text: str, target: _Target) -> tuple[Select[Any], list[Any]]:
    """(subquery of matching ids, best-first ordering for it)."""
    query = fts_query_sqlite(text)
    if query is None:
        return select(target.pk).where(false()).correlate(None), [target.pk]
    if dialect_name == "sqlite":
        # `<table> MATCH` (the hidden column named after the table) searches every column.
        fts = target.fts
        match = literal_column(fts.name).op("MATCH")(query)
        # FTS5 `rank` is bm25(): smaller is better.
        return (
            select(fts.c.rowid.label("id")).where(match).correlate(None),
            [fts.c.rank, fts.c.rowid],
        )
    if dialect_name == "postgresql":
        tsquery = _tsquery(query)
        return (
            select(target.pk).where(target.tsvector.op("@@")(tsquery)).correlate(None),
            [func.ts_rank(target.tsvector, tsquery).desc(), target.pk],
        )
    raise ValueError(f"full-text search is not available on {dialect_name!r}")


def article_ids_matching(dialect_name: str, text: str) -> Select[Any]:
    """Subquery of the ids of articles whose title or body matches `text`."""
    return _matching(dialect_name, text, _ARTICLES)[0]


def statement_ids_matching(dialect_name: str, text: str) -> Select[Any]:
    """Subquery of the ids of statements whose quote matches `text`."""
    return _matching(dialect_name, text, _STATEMENTS)[0]


async def _ranked(session: AsyncSession, text: str, limit: int, target: _Target) -> list[int]:
    stmt, ordering = _matching(session.get_bind().dialect.name, text, target)
    return list((await session.scalars(stmt.order_by(*ordering).limit(limit))).all())


async def search_articles(session: AsyncSession, text: str, limit: int = 20) -> list[int]:
    """Ids of the articles matching `text`, best match first."""
    return await _ranked(session, text, limit, _ARTICLES)


async def search_statements(session: AsyncSession, text: str, limit: int = 20) -> list[int]:
    """Ids of the statements matching `text`, best match first."""
    return await _ranked(session, text, limit, _STATEMENTS)


MAX_QUERY_LENGTH = 200


def is_valid_query(text: str) -> bool:
    """The one rule for `q` on every API: 1 to 200 characters, not only whitespace."""
    return bool(text.strip()) and len(text) <= MAX_QUERY_LENGTH
