"""Articles: the coverage every fact is sourced from, and their authors."""

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from db.models._columns import enum_column


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    language: Mapped[str] = mapped_column(String(12), index=True)
    published_value: Mapped[str | None] = mapped_column(String(10))
    published_precision: Mapped[Precision | None] = mapped_column(
        enum_column(Precision, "precision")
    )
    published_earliest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_latest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_note: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    # SHA-256 of the normalized text: the same story received twice is stored once.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Null for the shipped seed corpus; set when the intake pipeline stores an article.
    ingested_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    byline: Mapped[str | None] = mapped_column(String(300))
    extraction_notes: Mapped[str | None] = mapped_column(Text)

    @property
    def published(self) -> FuzzyDate | None:
        return FuzzyDate.from_columns(self.published_value, self.published_precision)

    def set_published(self, value: FuzzyDate | None) -> None:
        self.published_value = value.value if value else None
        self.published_precision = value.precision if value else None
        self.published_earliest = value.earliest if value else None
        self.published_latest = value.latest if value else None


class ArticleAuthor(Base):
    __tablename__ = "article_authors"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
