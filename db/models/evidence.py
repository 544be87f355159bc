"""Evidence: an exact article quote, by offsets, supporting or disputing one fact."""

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import Stance
from db.models._columns import enum_column

# One nullable foreign key per fact table keeps real referential integrity;
# the check below guarantees each evidence row points at exactly one fact.
FACT_COLUMNS = (
    "policy_decision_id",
    "aid_package_id",
    "person_role_id",
    "agreement_id",
    "event_id",
)
_EXACTLY_ONE_FACT = (
    " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in FACT_COLUMNS) + " = 1"
)


class Evidence(Base):
    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint(_EXACTLY_ONE_FACT, name="one_fact"),
        CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    stance: Mapped[Stance] = mapped_column(enum_column(Stance, "stance"), index=True)
    policy_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("policy_decisions.id", ondelete="CASCADE"), index=True
    )
    aid_package_id: Mapped[int | None] = mapped_column(
        ForeignKey("aid_packages.id", ondelete="CASCADE"), index=True
    )
    person_role_id: Mapped[int | None] = mapped_column(
        ForeignKey("person_roles.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    # Provenance of machine-extracted rows; all null means curated by hand.
    extractor: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
