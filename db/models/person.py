"""People, the spellings coverage uses for them, and their roles over time."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import ReviewStatus
from db.models._columns import DatedMixin, review_status_column


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    nationality_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id"), index=True)


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), index=True)


class PersonRole(DatedMixin, Base):
    """A title a person holds, as of the date its evidence gives (if any)."""

    __tablename__ = "person_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("countries.id"), index=True)
    review_status: Mapped[ReviewStatus] = review_status_column()
