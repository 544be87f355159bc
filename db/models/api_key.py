"""API keys (stored only as hashes) and their daily usage."""

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The readable part of the key (`ff_sk_<public_id>_...`), used to find the row.
    public_id: Mapped[str] = mapped_column(String(16), unique=True)
    # SHA-256 of the whole key; the key itself is shown once and never stored.
    secret_hash: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12), index=True)
    scopes: Mapped[str] = mapped_column(String(100))
    rate_limit: Mapped[int] = mapped_column(Integer)
    rate_window: Mapped[int] = mapped_column(Integer)
    origins: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("api_keys.id"), index=True)


class ApiKeyUsage(Base):
    """One row per key and UTC day: requests, GraphQL cost and status classes."""

    __tablename__ = "api_key_usage"

    api_key_id: Mapped[int] = mapped_column(
        ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    graphql_cost: Mapped[int] = mapped_column(Integer, default=0)
    status_2xx: Mapped[int] = mapped_column(Integer, default=0)
    status_3xx: Mapped[int] = mapped_column(Integer, default=0)
    status_4xx: Mapped[int] = mapped_column(Integer, default=0)
    status_5xx: Mapped[int] = mapped_column(Integer, default=0)
