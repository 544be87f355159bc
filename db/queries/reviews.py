"""Review of facts: approve, reject or edit one fact, recording each change in fact_reviews."""

import dataclasses
import datetime as dt
import enum
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db import models as m
from db.enums import (
    AgreementStatus,
    AidKind,
    DateBasis,
    FactStatus,
    PolicyAction,
    ReviewAction,
    ReviewStatus,
    StatementKind,
)
from db.fuzzy_date import FuzzyDate
from db.queries.dataset_version import bump_data_version

# fact_reviews.fact_type -> the fact table's model.
FACT_MODELS: dict[str, Any] = {
    "policy_decision": m.PolicyDecision,
    "aid_package": m.AidPackage,
    "person_role": m.PersonRole,
    "agreement": m.Agreement,
    "event": m.Event,
    "statement": m.Statement,
}
MAX_REASON = 2000


class ReviewConflict(Exception):
    """The action does not apply to the fact as it stands (409)."""


class InvalidChanges(ValueError):
    """Changes that name an unknown field or hold a value the field cannot take (422)."""

    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.field = field


Parse = Callable[[Any], Any]


def _text(limit: int | None = None, nullable: bool = True) -> Parse:
    def parse(value: Any) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip() or "\x00" in value:
            raise ValueError("must be non-empty text" + (" or null" if nullable else ""))
        if limit is not None and len(value) > limit:
            raise ValueError(f"must be at most {limit} characters")
        return value.strip()

    return parse


def _choice(kind: type[enum.Enum], nullable: bool = False) -> Parse:
    names = ", ".join(str(member.value) for member in kind)

    def parse(value: Any) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value.upper() not in {str(x.value) for x in kind}:
            raise ValueError(f"must be one of {names}" + (" or null" if nullable else ""))
        return kind(value.upper())

    return parse


def _date(value: Any) -> FuzzyDate | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("must be an ISO date, month or year (2024-05-30, 2024-05, 2024) or null")
    try:
        return FuzzyDate.parse(value)
    except ValueError:
        raise ValueError(
            "must be an ISO date, month or year (2024-05-30, 2024-05, 2024) or null"
        ) from None


def _amount(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("must be a number of whole currency units or null")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError("must be a number of whole currency units or null") from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal(10) ** 18:
        raise ValueError("must be a non-negative amount below 10^18")
    return amount.quantize(Decimal("0.01"))


def _currency(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 3 or not (value.isascii() and value.isalpha()):
        raise ValueError("must be an ISO 4217 code such as USD, or null")
    return value.upper()


def _kind_word(value: Any) -> str:
    text = _text(40, nullable=False)(value)
    assert text is not None
    return text.upper()


_DATED: dict[str, Parse] = {"date": _date, "date_basis": _choice(DateBasis, nullable=True)}

# What a reviewer may edit, per fact type: field -> parser of a JSON value.
EDITABLE: dict[str, dict[str, Parse]] = {
    "policy_decision": {
        "action": _choice(PolicyAction),
        "scope": _text(),
        "limits": _text(),
        **_DATED,
        "status": _choice(FactStatus),
    },
    "aid_package": {
        "amount": _amount,
        "currency": _currency,
        "kind": _choice(AidKind),
        "description": _text(),
        "mechanism": _text(200),
        **_DATED,
    },
    "person_role": {"title": _text(200, nullable=False), **_DATED},
    "agreement": {
        "name": _text(300, nullable=False),
        "status": _choice(AgreementStatus),
        "note": _text(),
        **_DATED,
    },
    "event": {"kind": _kind_word, "description": _text(nullable=False), **_DATED},
    "statement": {
        "kind": _choice(StatementKind),
        "speaker_label": _text(300),
        **_DATED,
    },
}


def _json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, FuzzyDate):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(fact_type: str, row: Any) -> dict[str, Any]:
    """The editable fields and the review status of a fact, as JSON values."""
    values = {name: _json(getattr(row, name)) for name in EDITABLE[fact_type]}
    values["review_status"] = row.review_status.value
    return values


def parse_changes(fact_type: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Validated values by field; InvalidChanges names the first field at fault."""
    editable = EDITABLE[fact_type]
    unknown = sorted(set(changes) - set(editable))
    if unknown:
        raise InvalidChanges(
            f"cannot edit {', '.join(unknown)}; editable: {', '.join(editable)}", unknown[0]
        )
    parsed: dict[str, Any] = {}
    for name, value in changes.items():
        try:
            parsed[name] = editable[name](value)
        except ValueError as error:
            raise InvalidChanges(f"changes.{name} {error}", name) from None
    return parsed


def _apply(row: Any, changes: Mapping[str, Any]) -> None:
    for name, value in changes.items():
        if name not in {"date", "date_basis"}:
            setattr(row, name, value)
    if "date" in changes or "date_basis" in changes:
        date = changes.get("date", row.date)
        basis = changes.get("date_basis", row.date_basis)
        if date is None and basis is not None and "date_basis" in changes:
            raise InvalidChanges("changes.date_basis needs a date", "date_basis")
        row.set_date(date, basis)


@dataclasses.dataclass(frozen=True)
class ReviewRequest:
    """One reviewer decision about one fact."""

    action: ReviewAction
    actor: str
    changes: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    reason: str | None = None
    approve: bool = False  # edit only: approve the fact in the same change


def _target_status(current: ReviewStatus, request: ReviewRequest) -> ReviewStatus:
    """The review status after the action; ReviewConflict when the action does not apply."""
    if current is ReviewStatus.CURATED:
        raise ReviewConflict("curated facts are changed in data/facts.yaml, not through review")
    if request.action is ReviewAction.APPROVE:
        if current is ReviewStatus.APPROVED:
            raise ReviewConflict("the fact is already approved")
        return ReviewStatus.APPROVED  # from PROPOSED, or reversing a rejection
    if request.action is ReviewAction.REJECT:
        if current is ReviewStatus.REJECTED:
            raise ReviewConflict("the fact is already rejected")
        return ReviewStatus.REJECTED  # from PROPOSED, or retracting an approval
    if request.action is ReviewAction.EDIT:
        return ReviewStatus.APPROVED if request.approve else current
    raise InvalidChanges("action must be approve, reject or edit", "action")


async def get_fact_for_review(session: AsyncSession, fact_type: str, key: str) -> Any:
    """The fact by key, locked for the rest of the transaction (PostgreSQL), or None."""
    model = FACT_MODELS[fact_type]
    stmt = select(model).where(model.key == key).with_for_update()
    return await session.scalar(stmt)


async def fact_exists(session: AsyncSession, fact_type: str, key: str) -> bool:
    """Whether a fact of this type has this key (whatever its review status)."""
    model = FACT_MODELS[fact_type]
    return await session.scalar(select(model.id).where(model.key == key)) is not None


async def review_fact(
    session: AsyncSession, fact_type: str, row: Any, request: ReviewRequest
) -> m.FactReview:
    """Apply one review action, record it, and bump the data version; the caller commits."""
    if request.reason is not None and "\x00" in request.reason:
        raise InvalidChanges("reason must be text without NUL characters", "reason")
    if request.reason is not None and len(request.reason) > MAX_REASON:
        raise InvalidChanges(f"reason must be at most {MAX_REASON} characters", "reason")
    changes = parse_changes(fact_type, request.changes)
    if request.action is ReviewAction.EDIT and not changes:
        raise InvalidChanges("an edit needs changes: an object of fields to change", "changes")
    if request.action is not ReviewAction.EDIT and (changes or request.approve):
        raise InvalidChanges("changes and approve go with the edit action only", "changes")
    current = row.review_status
    status = _target_status(current, request)
    before = snapshot(fact_type, row)
    _apply(row, changes)
    row.review_status = status
    after = snapshot(fact_type, row)
    if after == before:
        raise InvalidChanges("the changes leave the fact as it is", "changes")
    await _claim(session, fact_type, row.id, current, status)
    review = m.FactReview(
        key=uuid.uuid4().hex,
        fact_type=fact_type,
        fact_key=row.key,
        action=request.action,
        actor=request.actor,
        at=dt.datetime.now(dt.UTC),
        before=before,
        after=after,
        reason=request.reason,
    )
    session.add(review)
    await bump_data_version(session)
    await session.flush()
    return review


async def _claim(
    session: AsyncSession, fact_type: str, fact_id: int, current: ReviewStatus, new: ReviewStatus
) -> None:
    """Move the review status only if nobody moved it since it was read; ReviewConflict else.

    PostgreSQL already holds the row (FOR UPDATE); SQLite has no row locks, so two reviewers
    approving at once would both succeed without this compare-and-set.
    """
    model = FACT_MODELS[fact_type]
    with session.no_autoflush:  # the pending edit is flushed after, not before, the claim
        claimed = await session.execute(
            update(model)
            .where(model.id == fact_id, model.review_status == current)
            .values(review_status=new)
            .execution_options(synchronize_session=False)
        )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise ReviewConflict("another review changed the fact meanwhile; read it again")


async def record_proposal(
    session: AsyncSession,
    fact_type: str,
    row: Any,
    actor: str = "system",
    reason: str | None = None,
) -> m.FactReview:
    """History row for a fact an extractor just proposed (for the intake pipeline)."""
    review = m.FactReview(
        key=uuid.uuid4().hex,
        fact_type=fact_type,
        fact_key=row.key,
        action=ReviewAction.PROPOSE,
        actor=actor,
        at=dt.datetime.now(dt.UTC),
        before=None,
        after=snapshot(fact_type, row),
        reason=reason,
    )
    session.add(review)
    return review


async def history(
    session: AsyncSession, facts: Sequence[tuple[str, str]]
) -> list[list[m.FactReview]]:
    """Review rows per (fact_type, fact_key) asked, newest first; one query for the batch."""
    keys = sorted({key for _, key in facts})
    R = m.FactReview
    stmt = select(R).where(R.fact_key.in_(keys)).order_by(R.at.desc(), R.id.desc())
    groups: dict[tuple[str, str], list[m.FactReview]] = defaultdict(list)
    for row in (await session.scalars(stmt)).all():
        groups[(row.fact_type, row.fact_key)].append(row)
    return [groups.get(fact, []) for fact in facts]
