"""When an extracted candidate is a fact already known, and what new evidence does to it."""

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from db.enums import FactStatus, PolicyAction, ReviewStatus, Stance

MAX_KEY = 160


@dataclasses.dataclass(frozen=True)
class Dates:
    """The days a fact's date can mean; both None when the date is unknown."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    @property
    def known(self) -> bool:
        return self.earliest is not None and self.latest is not None


def dates_compatible(a: Dates, b: Dates) -> bool:
    """Unknown dates fit anything; known ones fit when one interval lies inside the other."""
    if not a.known or not b.known:
        return True
    assert a.earliest and a.latest and b.earliest and b.latest
    a_in_b = b.earliest <= a.earliest and a.latest <= b.latest
    b_in_a = a.earliest <= b.earliest and b.latest <= a.latest
    return a_in_b or b_in_a


@dataclasses.dataclass(frozen=True)
class DecisionIdentity:
    """What makes two policy decisions the same one."""

    id: int
    country_id: int | None
    organization_id: int | None
    topic_id: int
    action: PolicyAction
    dates: Dates
    review_status: ReviewStatus = ReviewStatus.PROPOSED


@dataclasses.dataclass(frozen=True)
class AidIdentity:
    """What makes two aid packages the same one."""

    id: int
    donor_id: int
    amount: Decimal | None
    currency: str | None
    dates: Dates
    review_status: ReviewStatus = ReviewStatus.PROPOSED


@dataclasses.dataclass(frozen=True)
class RoleIdentity:
    """What makes two person roles the same one."""

    id: int
    person_id: int
    title: str
    organization_id: int | None
    country_id: int | None
    review_status: ReviewStatus = ReviewStatus.PROPOSED


Identity = TypeVar("Identity", DecisionIdentity, AidIdentity, RoleIdentity)
Dated = TypeVar("Dated", DecisionIdentity, AidIdentity)

# Human-reviewed facts are preferred as merge targets over machine proposals.
_PREFERENCE = {
    ReviewStatus.CURATED: 0,
    ReviewStatus.APPROVED: 1,
    ReviewStatus.PROPOSED: 2,
}


def _best(matches: Iterable[Identity]) -> Identity | None:
    usable = [m for m in matches if m.review_status in _PREFERENCE]  # never REJECTED
    return min(usable, key=lambda m: (_PREFERENCE[m.review_status], m.id), default=None)


def _by_date(candidate: Dates, same: Sequence[Dated]) -> Dated | None:
    """Pick among facts that agree on everything but the date.

    A dated candidate joins only a dated fact at a compatible date: an undated fact is too weak
    an identity to absorb it (an undated "the US eased its rules" must not swallow a later,
    different easing). An undated candidate joins the only such fact, else an undated one.
    """
    if candidate.known:
        return _best(k for k in same if k.dates.known and dates_compatible(k.dates, candidate))
    usable = [k for k in same if k.review_status in _PREFERENCE]
    if len(usable) == 1:
        return usable[0]
    return _best(k for k in usable if not k.dates.known)


def match_decision(
    candidate: DecisionIdentity, known: Sequence[DecisionIdentity]
) -> DecisionIdentity | None:
    """The known decision with the same actor, topic and action at a compatible date."""
    same = [
        k
        for k in known
        if (k.country_id, k.organization_id, k.topic_id, k.action)
        == (candidate.country_id, candidate.organization_id, candidate.topic_id, candidate.action)
    ]
    return _by_date(candidate.dates, same)


def _same_amount(a: Decimal | None, b: Decimal | None) -> bool:
    return a == b if a is None or b is None else Decimal(a) == Decimal(b)


def match_aid(candidate: AidIdentity, known: Sequence[AidIdentity]) -> AidIdentity | None:
    """The known package from the same donor, for the same amount and currency, at a
    compatible date."""
    same = [
        k
        for k in known
        if k.donor_id == candidate.donor_id
        and _same_amount(k.amount, candidate.amount)
        and (k.currency or None) == (candidate.currency or None)
    ]
    return _by_date(candidate.dates, same)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def match_role(candidate: RoleIdentity, known: Sequence[RoleIdentity]) -> RoleIdentity | None:
    """The person's known role with the same title; organization and country agree where both
    are stated."""

    def agrees(a: int | None, b: int | None) -> bool:
        return a is None or b is None or a == b

    return _best(
        k
        for k in known
        if k.person_id == candidate.person_id
        and _fold(k.title) == _fold(candidate.title)
        and agrees(k.organization_id, candidate.organization_id)
        and agrees(k.country_id, candidate.country_id)
    )


def status_after(current: FactStatus, stances: Iterable[Stance]) -> FactStatus | None:
    """The fact's new status when evidence with these stances is added; None: unchanged.

    Disputing evidence makes a fact DISPUTED (a DENIED fact stays DENIED)."""
    if Stance.DISPUTES in set(stances) and current in {FactStatus.REPORTED, FactStatus.CONFIRMED}:
        return FactStatus.DISPUTED
    return None


def slug(text: str, limit: int = 60) -> str:
    """ASCII, lower case, hyphens: 'Secretary of State' -> 'secretary-of-state'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def fact_key(*parts: str | None) -> str:
    """A readable, deterministic key from its parts (missing parts left out), at most 160
    characters; a digest keeps long keys unique."""
    key = "-".join(p for p in (slug(x, MAX_KEY) for x in parts if x) if p)
    if len(key) <= MAX_KEY:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"{key[: MAX_KEY - 13].rstrip('-')}-{digest}"
