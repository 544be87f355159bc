"""Load what a page of facts will be asked for, level by level, before its fields resolve.

The nested fields (`country`, `evidence`, `article`, `outlet`...) would load the same rows
through the request's DataLoaders one await at a time; loading them here first lets those
fields resolve synchronously (relations.one_now), which saves graphql-core a task per field on
large answers. One batched query per level, as the loaders would run, except that quotes come
with their articles and outlets in one. Only what the selection asks for is loaded.
"""

from collections.abc import Sequence
from typing import Any

from strawberry.types.nodes import SelectedField

from db import models as m
from schema.context import Info
from schema.fact import EVIDENCE_ORDER
from schema.lookahead import below, path


async def prefetch_policy_decisions(info: Info, nodes: Sequence[Any]) -> None:
    """For a page of PolicyDecision objects under `edges { node { ... } }`."""
    if not nodes:
        return
    selected = path(info.selected_fields, "edges", "node")
    loaders = info.context.loaders
    if below(selected, "country"):
        await loaders.prefetch_by_id(m.Country, [n.country_pk for n in nodes])
    if below(selected, "organization"):
        await loaders.prefetch_by_id(m.Organization, [n.organization_pk for n in nodes])
    if below(selected, "decidedBy"):
        await loaders.prefetch_by_id(m.Person, [n.decided_by_pk for n in nodes])
    if below(selected, "topic"):
        await loaders.prefetch_by_id(m.Topic, [n.topic_pk for n in nodes])
    await prefetch_evidence(info, "policy_decision_id", [n.pk for n in nodes], selected)


async def prefetch_evidence(
    info: Info, column: str, fact_ids: list[int], selected: list[SelectedField]
) -> None:
    """The `evidence` of facts (and their articles and outlets, when asked)."""
    evidence = below(selected, "evidence")
    if not evidence:
        return
    loaders = info.context.loaders
    articles = below(evidence, "article")
    if articles:
        # Quotes, articles and outlets in one statement: two round trips fewer.
        with_outlets = bool(below(articles, "outlet"))
        await loaders.prefetch_quotes(column, fact_ids, EVIDENCE_ORDER, with_outlets)
    else:
        await loaders.prefetch_children(m.Evidence, column, fact_ids, EVIDENCE_ORDER, None)
