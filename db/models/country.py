"""Countries (ISO 3166-1) and the names coverage uses for them."""

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base
from db.enums import CountryAliasKind
from db.models._columns import enum_column


class Country(Base):
    __tablename__ = "countries"

    id: Mapped[int] = mapped_column(primary_key=True)
    iso2: Mapped[str] = mapped_column(String(2), unique=True)
    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    numeric: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    official_name: Mapped[str | None] = mapped_column(String(200))


class CountryAlias(Base):
    __tablename__ = "country_aliases"
    __table_args__ = (UniqueConstraint("alias", name="uq_country_aliases_alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(120))
    kind: Mapped[CountryAliasKind] = mapped_column(enum_column(CountryAliasKind, "alias_kind"))
