"""sort indexes

Indexes in the exact order the lists sort by, so a keyset page is an index range scan that
stops after the page instead of sorting every match: policy decisions by fuzzy date (both
directions, with and without a topic), evidence by position in its article. The date keys
are the expressions the queries sort by (db.queries.filters: unknown dates last), spelled
with the same literals so both databases match them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ASC = ("coalesce(date_earliest, '9999-12-31')", "coalesce(date_latest, '9999-12-31')", "id")
DESC = ("coalesce(date_latest, '0001-01-01')", "coalesce(date_earliest, '0001-01-01')", "id")
# name -> (table, key expressions, columns PostgreSQL keeps in the index for filters/counts)
INDEXES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "ix_policy_decisions_topic_date_asc": (
        "policy_decisions",
        ("topic_id", *ASC),
        ("action", "review_status"),
    ),
    "ix_policy_decisions_topic_date_desc": ("policy_decisions", ("topic_id", *DESC), ()),
    "ix_policy_decisions_date_asc": ("policy_decisions", ASC, ("review_status",)),
    "ix_policy_decisions_date_desc": ("policy_decisions", DESC, ()),
    "ix_evidence_article_position": ("evidence", ("article_id", '"start"', "id"), ()),
}


def upgrade() -> None:
    for name, (table, keys, include) in INDEXES.items():
        op.create_index(
            name,
            table,
            [sa.text(key) for key in keys],
            postgresql_include=list(include),
        )


def downgrade() -> None:
    for name, (table, _, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
