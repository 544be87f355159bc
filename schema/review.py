"""Review over GraphQL: the FactReview history type and the reviewFact mutation (review scope)."""

import dataclasses
from decimal import Decimal
from typing import Any

import strawberry
from graphql import GraphQLError

from db.enums import ReviewAction as DbReviewAction
from db.queries import reviews as q
from schema.agreement import Agreement
from schema.aid_package import AidPackage
from schema.context import Info
from schema.enums import (
    AgreementStatus,
    AidKind,
    DateBasis,
    FactStatus,
    PolicyAction,
    StatementKind,
)
from schema.event import Event
from schema.history import FACT_TYPES, FactReview, ReviewAction
from schema.node import Node, parse_global_id
from schema.person import PersonRole
from schema.policy_decision import PolicyDecision
from schema.statement import Statement

BUILDERS: dict[str, Any] = {
    "PolicyDecision": PolicyDecision.build,
    "AidPackage": AidPackage.build,
    "PersonRole": PersonRole.build,
    "Agreement": Agreement.build,
    "Event": Event.build,
    "Statement": Statement.build,
}
DATE = "ISO date at its precision (2024-05-30, 2024-05 or 2024); null clears it."
DATE_BASIS = "What the date stands for."


def _change(description: str) -> Any:
    """An editable field: left unset, the fact keeps its value."""
    return strawberry.field(default=strawberry.UNSET, description=description)


@strawberry.input(description="Editable fields of a policy decision; unset fields stay.")
class PolicyDecisionChanges:
    action: PolicyAction | None = _change("Action.")
    scope: str | None = _change("Scope.")
    limits: str | None = _change("Limits.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)
    status: FactStatus | None = _change("Status.")


@strawberry.input(description="Editable fields of an aid package; unset fields stay.")
class AidPackageChanges:
    amount: Decimal | None = _change("Value in whole currency units.")
    currency: str | None = _change("ISO 4217.")
    kind: AidKind | None = _change("Kind.")
    description: str | None = _change("Description.")
    mechanism: str | None = _change("Mechanism.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)


@strawberry.input(description="Editable fields of a statement; unset fields stay.")
class StatementChanges:
    kind: StatementKind | None = _change("Kind.")
    speaker_label: str | None = _change("How an unnamed source is described.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)


@strawberry.input(description="Editable fields of a person's role; unset fields stay.")
class PersonRoleChanges:
    title: str | None = _change("Title.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)


@strawberry.input(description="Editable fields of an agreement; unset fields stay.")
class AgreementChanges:
    name: str | None = _change("Name.")
    status: AgreementStatus | None = _change("Status.")
    note: str | None = _change("Note.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)


@strawberry.input(description="Editable fields of an event; unset fields stay.")
class EventChanges:
    kind: str | None = _change("Kind.")
    description: str | None = _change("Description.")
    date: str | None = _change(DATE)
    date_basis: DateBasis | None = _change(DATE_BASIS)


@strawberry.input(description="Changes for an edit: fill the one field matching the fact's type.")
class FactChanges:
    policy_decision: PolicyDecisionChanges | None = strawberry.field(
        default=None, description="For a PolicyDecision."
    )
    aid_package: AidPackageChanges | None = strawberry.field(
        default=None, description="For an AidPackage."
    )
    statement: StatementChanges | None = strawberry.field(
        default=None, description="For a Statement."
    )
    person_role: PersonRoleChanges | None = strawberry.field(
        default=None, description="For a PersonRole."
    )
    agreement: AgreementChanges | None = strawberry.field(
        default=None, description="For an Agreement."
    )
    event: EventChanges | None = strawberry.field(default=None, description="For an Event.")


@strawberry.type(description="A reviewed fact and the history entry just written.")
class ReviewFactPayload:
    fact: Node = strawberry.field(description="The fact as it now stands.")
    review: FactReview = strawberry.field(description="The change, as kept in its history.")


def _error(message: str, code: str, **extra: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **extra})


def _plain(value: Any) -> Any:
    """A GraphQL input value in the JSON shape the REST body uses."""
    if hasattr(value, "value"):  # enums
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _changes(changes: FactChanges | None, fact_type: str) -> dict[str, Any]:
    if changes is None:
        return {}
    given = {name: value for name, value in vars(changes).items() if value is not None}
    if not given:
        return {}
    if set(given) != {fact_type}:
        raise _error(
            f"changes must fill `{_camel(fact_type)}` only, for this fact", "BAD_USER_INPUT"
        )
    fields = vars(given[fact_type])
    return {name: _plain(value) for name, value in fields.items() if value is not strawberry.UNSET}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


@dataclasses.dataclass(frozen=True)
class _Target:
    type_name: str
    fact_type: str
    key: str


def _target(id: str) -> _Target:
    try:
        type_name, key = parse_global_id(id)
    except Exception:
        raise _error(f"{id!r} is not an ID this API issued", "BAD_USER_INPUT") from None
    if type_name not in FACT_TYPES:
        raise _error(f"{type_name} is not a reviewable fact", "BAD_USER_INPUT")
    return _Target(type_name, FACT_TYPES[type_name], key)


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(
        description="Approve, reject or edit a fact (review scope). Approving works on PROPOSED "
        "and REJECTED facts, rejecting on PROPOSED and APPROVED ones; an edit keeps the review "
        "status unless `approve` is true; CURATED facts are not reviewed. Every change is kept "
        "in the fact's `history`."
    )
    async def review_fact(
        self,
        info: Info,
        id: strawberry.ID,
        action: ReviewAction,
        changes: FactChanges | None = None,
        reason: str | None = None,
        approve: bool = False,
    ) -> ReviewFactPayload:
        principal = info.context.principal
        if principal is None or not principal.has("review"):
            raise _error("this needs an API key with the 'review' scope", "FORBIDDEN")
        target = _target(id)
        session = info.context.session
        row = await q.get_fact_for_review(session, target.fact_type, target.key)
        if row is None:
            raise _error(f"no {target.type_name} with id {id!r}", "NOT_FOUND")
        request = q.ReviewRequest(
            action=DbReviewAction(action.value),
            actor=principal.public_id or "anonymous",
            changes=_changes(changes, target.fact_type),
            reason=reason,
            approve=approve,
        )
        try:
            if request.action is DbReviewAction.PROPOSE:
                raise q.InvalidChanges("action must be APPROVE, REJECT or EDIT", "action")
            review = await q.review_fact(session, target.fact_type, row, request)
        except q.ReviewConflict as conflict:
            await session.rollback()
            raise _error(
                f"cannot {action.value.lower()} this fact: {conflict}", "CONFLICT"
            ) from None
        except q.InvalidChanges as invalid:
            await session.rollback()
            raise _error(str(invalid), "BAD_USER_INPUT", field=invalid.field) from None
        await session.commit()  # the mutation is the edge of this write
        return ReviewFactPayload(
            fact=BUILDERS[target.type_name](row), review=FactReview.build(review)
        )
