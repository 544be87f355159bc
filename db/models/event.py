"""Events on the ground the coverage reports: offensives, attacks, liberations."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import ReviewStatus
from db.models._columns import DatedMixin, review_status_column


class Event(DatedMixin, Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    description: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    date_note: Mapped[str | None] = mapped_column(Text)
    review_status: Mapped[ReviewStatus] = review_status_column()
