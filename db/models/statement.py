"""Statements: words attributed to a speaker in an article, with their offsets."""

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import ReviewStatus, StatementKind
from db.models._columns import DatedMixin, enum_column, review_status_column


class Statement(DatedMixin, Base):
    __tablename__ = "statements"
    __table_args__ = (CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    speaker_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id"), index=True
    )
    # Only for unnamed sources ("an anonymous American official"): no entity exists.
    speaker_label: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[StatementKind] = mapped_column(enum_column(StatementKind, "statement_kind"))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    review_status: Mapped[ReviewStatus] = review_status_column()
    # Provenance of machine-extracted rows; all null means curated by hand.
    extractor: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
