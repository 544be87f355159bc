"""Fact reviews: the history of every review change (who, when, before/after, why)."""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import ReviewAction
from db.models._columns import enum_column


class FactReview(Base):
    __tablename__ = "fact_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    # No foreign key: history outlives a fact's row and spans six fact tables.
    fact_type: Mapped[str] = mapped_column(String(32))
    fact_key: Mapped[str] = mapped_column(String(160), index=True)
    action: Mapped[ReviewAction] = mapped_column(enum_column(ReviewAction, "review_action"))
    # The API key's public id, or "cli" / "system".
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
