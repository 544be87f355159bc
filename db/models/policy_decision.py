"""Policy decisions: an actor lifts, eases, keeps, refuses or urges a restriction."""

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import FactStatus, PolicyAction, ReviewStatus
from db.models._columns import DatedMixin, enum_column, review_status_column


class PolicyDecision(DatedMixin, Base):
    __tablename__ = "policy_decisions"
    __table_args__ = (
        # The actor is a country, an organization (e.g. NATO), or both.
        CheckConstraint("country_id IS NOT NULL OR organization_id IS NOT NULL", name="has_actor"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)
    action: Mapped[PolicyAction] = mapped_column(enum_column(PolicyAction, "action"), index=True)
    scope: Mapped[str | None] = mapped_column(Text)
    limits: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[FactStatus] = mapped_column(enum_column(FactStatus, "status"), index=True)
    review_status: Mapped[ReviewStatus] = review_status_column()
