"""Agreements between countries (e.g. bilateral security agreements) and their parties."""

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import AgreementStatus, ReviewStatus
from db.models._columns import DatedMixin, enum_column, review_status_column


class Agreement(DatedMixin, Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    status: Mapped[AgreementStatus] = mapped_column(
        enum_column(AgreementStatus, "agreement_status"), index=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    review_status: Mapped[ReviewStatus] = review_status_column()


class AgreementParty(Base):
    __tablename__ = "agreement_parties"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
