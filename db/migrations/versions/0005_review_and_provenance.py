"""review and provenance

Review status on every fact table (existing rows become CURATED), provenance of extracted
evidence and statements, intake details on articles, and the fact_reviews history table.

SQLite: plain ADD COLUMN only, never batch_alter_table: rebuilding `articles` or `statements`
would drop the FTS5 triggers of migration 0003. ADD COLUMN cannot add a constraint afterwards,
so the review_status CHECK is written inline in the column definition there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FACT_TABLES = (
    "policy_decisions",
    "aid_packages",
    "person_roles",
    "agreements",
    "events",
    "statements",
)
REVIEW_STATUSES = ("PROPOSED", "APPROVED", "REJECTED", "CURATED")
PROVENANCE_TABLES = ("evidence", "statements")


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def _add_review_status(table: str) -> None:
    if op.get_context().dialect.name == "sqlite":
        allowed = ", ".join(f"'{value}'" for value in REVIEW_STATUSES)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN review_status VARCHAR(24) DEFAULT 'CURATED' NOT NULL "
            f"CONSTRAINT ck_{table}_review_status CHECK (review_status IN ({allowed}))"
        )
    else:
        op.add_column(
            table,
            sa.Column(
                "review_status",
                _enum(*REVIEW_STATUSES, name="review_status"),
                server_default="CURATED",
                nullable=False,
            ),
        )
    op.create_index(f"ix_{table}_review_status", table, ["review_status"], unique=False)


def upgrade() -> None:
    for table in FACT_TABLES:
        _add_review_status(table)
    for table in PROVENANCE_TABLES:
        op.add_column(table, sa.Column("extractor", sa.String(length=64), nullable=True))
        op.add_column(table, sa.Column("extractor_version", sa.String(length=32), nullable=True))
        op.add_column(table, sa.Column("confidence", sa.Float(), nullable=True))
    op.add_column("articles", sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("byline", sa.String(length=300), nullable=True))
    op.add_column("articles", sa.Column("extraction_notes", sa.Text(), nullable=True))

    op.create_table(
        "fact_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("fact_type", sa.String(length=32), nullable=False),
        sa.Column("fact_key", sa.String(length=160), nullable=False),
        sa.Column(
            "action",
            _enum("APPROVE", "REJECT", "EDIT", "PROPOSE", name="review_action"),
            nullable=False,
        ),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_reviews")),
        sa.UniqueConstraint("key", name=op.f("uq_fact_reviews_key")),
    )
    op.create_index(op.f("ix_fact_reviews_fact_key"), "fact_reviews", ["fact_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_fact_reviews_fact_key"), table_name="fact_reviews")
    op.drop_table("fact_reviews")
    # SQLite (3.35+) drops a column in place when no index or foreign constraint names it.
    for column in ("extraction_notes", "byline", "ingested_at"):
        op.drop_column("articles", column)
    for table in reversed(PROVENANCE_TABLES):
        for column in ("confidence", "extractor_version", "extractor"):
            op.drop_column(table, column)
    for table in reversed(FACT_TABLES):
        op.drop_index(f"ix_{table}_review_status", table_name=table)
        # Dropping the column drops its CHECK constraint too, on both backends.
        op.drop_column(table, "review_status")
