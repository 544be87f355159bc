"""Which GraphQL type each evidence foreign key points at."""

from collections.abc import Callable
from typing import Any

from db import models as m
from schema.agreement import Agreement
from schema.aid_package import AidPackage
from schema.event import Event
from schema.person import PersonRole
from schema.policy_decision import PolicyDecision

FACT_TYPES: dict[str, tuple[type[Any], Callable[[Any], Any]]] = {
    "policy_decision_id": (m.PolicyDecision, PolicyDecision.build),
    "aid_package_id": (m.AidPackage, AidPackage.build),
    "person_role_id": (m.PersonRole, PersonRole.build),
    "agreement_id": (m.Agreement, Agreement.build),
    "event_id": (m.Event, Event.build),
}
