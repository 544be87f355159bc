"""full-text search

SQLite: FTS5 external-content tables over articles (title, body) and statements (quote),
kept in sync by triggers. PostgreSQL: GIN indexes on the english tsvector expressions that
db/queries/search.py matches against (the expressions must stay identical to be used).

Caution for later migrations on SQLite: a batch_alter_table on `articles` or `statements`
rebuilds the table (DROP + RENAME), which drops its triggers. Such a migration must recreate
the triggers below and 'rebuild' the FTS table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "unicode61 remove_diacritics 2"

# (FTS table, content table, indexed columns)
SQLITE_FTS = (
    ("articles_fts", "articles", ("title", "body")),
    ("statements_fts", "statements", ("quote",)),
)

POSTGRES_INDEXES = (
    ("ix_articles_fts", "articles", "to_tsvector('english', coalesce(title, '') || ' ' || body)"),
    ("ix_statements_fts", "statements", "to_tsvector('english', quote)"),
)


def _sqlite_upgrade(fts: str, content: str, columns: tuple[str, ...]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{content}', "
        f"content_rowid='id', tokenize='{TOKENIZER}')"
    )
    # The external-content pattern from https://sqlite.org/fts5.html#external_content_tables:
    # an index entry is removed with the 'delete' command and the row's old values.
    op.execute(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {content} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {content} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {content} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    # Index the rows that already exist.
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_downgrade(fts: str) -> None:
    for suffix in ("au", "ad", "ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for fts, content, columns in SQLITE_FTS:
            _sqlite_upgrade(fts, content, columns)
    elif dialect == "postgresql":
        for name, table, expression in POSTGRES_INDEXES:
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({expression})")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for fts, _content, _columns in reversed(SQLITE_FTS):
            _sqlite_downgrade(fts)
    elif dialect == "postgresql":
        for name, _table, _expression in reversed(POSTGRES_INDEXES):
            op.execute(f"DROP INDEX IF EXISTS {name}")
