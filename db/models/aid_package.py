"""Aid packages from a donor to a recipient, and what they contain."""

from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import AidKind, FactStatus, ReviewStatus
from db.models._columns import DatedMixin, enum_column, review_status_column


class AidPackage(DatedMixin, Base):
    __tablename__ = "aid_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    donor_id: Mapped[int] = mapped_column(ForeignKey("countries.id"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("countries.id"), index=True)
    # Whole currency units; null for in-kind packages with no stated value.
    amount: Mapped[Decimal | None] = mapped_column(Numeric(20, 2))
    currency: Mapped[str | None] = mapped_column(String(3), index=True)
    kind: Mapped[AidKind] = mapped_column(enum_column(AidKind, "aid_kind"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    mechanism: Mapped[str | None] = mapped_column(String(200))
    date_note: Mapped[str | None] = mapped_column(Text)
    announced_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    authorized_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    status: Mapped[FactStatus] = mapped_column(enum_column(FactStatus, "status"), index=True)
    review_status: Mapped[ReviewStatus] = review_status_column()


class AidPackageItem(Base):
    __tablename__ = "aid_package_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    aid_package_id: Mapped[int] = mapped_column(
        ForeignKey("aid_packages.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    quantity: Mapped[int | None] = mapped_column(Integer)
