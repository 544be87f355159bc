"""Policy decision candidates of an article: cues, actors, dates, merged restatements, denials."""

import dataclasses

from db.enums import DateBasis, FactStatus, PolicyAction, Stance
from db.fuzzy_date import FuzzyDate
from ingest.extract import policy as policy_rules
from ingest.extract.actors import Actor, listed_from
from ingest.extract.article import Article
from ingest.extract.attribution import basis, resolve_actors
from ingest.extract.model import PersonRef, PolicyDecisionCandidate
from ingest.extract.policy_cues import NAMED_MISSILE
from ingest.extract.timing import Dated, date_for


def read_decisions(a: Article) -> list[PolicyDecisionCandidate]:
    topical = any(policy_rules.TARGET.search(s.text) for s in a.sentences)
    long_range = any(policy_rules.LONG_RANGE.search(s.text) for s in a.sentences)
    found: list[tuple[PolicyDecisionCandidate, int]] = []
    carry: list[Actor] = []
    denials: list[tuple[int, list[Actor]]] = []
    for index, sentence in enumerate(a.sentences):
        text = sentence.text
        here = a.actors[index]
        if text.endswith("?"):
            carry = here[:1] or carry
            continue
        floor = policy_rules.question_clause_end(text)
        actions = policy_rules.actions_in(text, floor, topical, long_range)
        resolved = [
            (action, sentence.start + start, actor, carried)
            for action, start, _end in actions
            for subjects, carried in [
                resolve_actors(a, index, sentence.start + start, floor, carry)
            ]
            for actor in subjects
        ]
        own = {(x.country, x.organization) for act, _, x, _ in resolved if act in _OWN_STEP}
        for action, at, actor, carried in resolved:
            if action is PolicyAction.ADVOCATED and (actor.country, actor.organization) in own:
                continue  # "has no limits and urges others to drop theirs": its own step counts
            dated = date_for(a, index, at, actor, carried)
            span = sentence.span()
            same = _same_decision(found, actor, action, dated)
            if same is not None:
                candidate, strength = found[same]
                if span not in candidate.evidence:
                    candidate.evidence.append(span)
                if dated.strength > strength:
                    candidate.date = dated.date
                    found[same] = (candidate, dated.strength)
                continue
            candidate = PolicyDecisionCandidate(
                country=actor.country,
                organization=actor.organization,
                action=action,
                limits=text if action is PolicyAction.EASED else None,
                date=dated.date,
                date_basis=basis(text, action) if dated.date else None,
                decided_by=actor.person or _person_of(a, index, actor),
                evidence=[span],
                confidence=round(0.5 + 0.2 * (not carried) + 0.1 * (dated.strength >= 2), 2),
            )
            found.append((candidate, dated.strength))
        denial = policy_rules.DENIAL.search(text)
        if not actions and denial and (topical or policy_rules.is_topical(text, True)):
            subjects, _ = resolve_actors(a, index, sentence.start + denial.start(), 0, carry)
            denials.append((index, subjects))
        if here:
            carry = listed_from(sentence, here, 0)
    _date_kept_with_easing(found)
    decisions = _refusals_restated(_merge(found))
    for index, subjects in denials:
        _apply_denial(a, index, subjects, decisions)
    return decisions


def _date_kept_with_easing(found: list[tuple[PolicyDecisionCandidate, int]]) -> None:
    """What an easing keeps banned is reported with it: a "will not be able to" that the text
    gives no date of its own takes the date of the actor's easing."""
    for index, (kept, strength) in enumerate(found):
        if kept.action is not PolicyAction.MAINTAINED or strength > 0 or kept.date is None:
            continue
        easing = max(
            (
                (d, s)
                for d, s in found
                if d.action in (PolicyAction.EASED, PolicyAction.LIFTED)
                and (d.country, d.organization) == (kept.country, kept.organization)
                and s >= 2
            ),
            key=lambda pair: pair[1],
            default=None,
        )
        if easing is not None:
            kept.date, kept.date_basis = easing[0].date, easing[0].date_basis
            found[index] = (kept, easing[1])


_OWN_STEP = (PolicyAction.LIFTED, PolicyAction.EASED)


def _compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return True
    return (a.earliest <= b.earliest and b.latest <= a.latest) or (
        b.earliest <= a.earliest and a.latest <= b.latest
    )


def _same_decision(
    found: list[tuple[PolicyDecisionCandidate, int]],
    actor: Actor,
    action: PolicyAction,
    dated: Dated,
) -> int | None:
    """The decision this statement repeats: same actor and action, no conflicting firm date."""
    for index, (candidate, strength) in enumerate(found):
        if (candidate.country, candidate.organization, candidate.action) != (
            actor.country,
            actor.organization,
            action,
        ):
            continue
        if action is PolicyAction.LIFTED:
            return index  # a restriction is lifted once; later mentions restate it
        if min(strength, dated.strength) < 2 or _compatible(candidate.date, dated.date):
            return index
    return None


def _person_of(a: Article, index: int, actor: Actor) -> PersonRef | None:
    for other in a.actors[index]:
        if other.person is not None and other.country == actor.country:
            return other.person
    return None


def _merge(found: list[tuple[PolicyDecisionCandidate, int]]) -> list[PolicyDecisionCandidate]:
    """An easing absorbs a plain lifting by the same actor unless their firm dates conflict."""
    kept: list[PolicyDecisionCandidate] = []
    for candidate, strength in found:
        if candidate.action is PolicyAction.LIFTED:
            eased = next(
                (
                    (d, s)
                    for d, s in found
                    if d.action is PolicyAction.EASED
                    and (d.country, d.organization) == (candidate.country, candidate.organization)
                    and (min(s, strength) < 3 or _compatible(d.date, candidate.date))
                ),
                None,
            )
            if eased is not None:
                target, target_strength = eased
                target.evidence.extend(s for s in candidate.evidence if s not in target.evidence)
                if strength > target_strength:
                    target.date, target.date_basis = candidate.date, candidate.date_basis
                continue
        kept.append(candidate)
    return kept


def _refusals_restated(decisions: list[PolicyDecisionCandidate]) -> list[PolicyDecisionCandidate]:
    """ "Its Taurus position is unchanged" said of a weapon the actor refuses to send restates
    the refusal: it says nothing about where supplied weapons may strike."""
    kept: list[PolicyDecisionCandidate] = []
    for candidate in decisions:
        refusal = next(
            (
                d
                for d in decisions
                if d.action is PolicyAction.REFUSED
                and (d.country, d.organization) == (candidate.country, candidate.organization)
            ),
            None,
        )
        if (
            candidate.action is PolicyAction.MAINTAINED
            and refusal is not None
            and all(
                NAMED_MISSILE.search(e.quote)
                and not policy_rules.TARGET.search(e.quote)
                and not policy_rules.RESTRICTION.search(e.quote)
                for e in candidate.evidence
            )
        ):
            refusal.evidence.extend(e for e in candidate.evidence if e not in refusal.evidence)
            continue
        kept.append(candidate)
    return kept


def _apply_denial(
    a: Article, index: int, subjects: list[Actor], decisions: list[PolicyDecisionCandidate]
) -> None:
    """A denial disputes the actor's lifting or easing; with none, it says the policy stays."""
    sentence = a.sentences[index]
    span = dataclasses.replace(sentence.span(), stance=Stance.DISPUTES)
    targets = [d for d in decisions if d.action in (PolicyAction.LIFTED, PolicyAction.EASED)]
    if subjects:
        countries = {(s.country, s.organization) for s in subjects}
        targets = [d for d in targets if (d.country, d.organization) in countries]
    elif len(targets) > 1:
        targets = []
    if targets:
        for decision in targets:
            decision.evidence.append(span)
            decision.status = FactStatus.DISPUTED
        return
    for actor in subjects[:1]:
        if any(
            d.country == actor.country
            and d.organization == actor.organization
            and d.action is PolicyAction.MAINTAINED
            for d in decisions
        ):
            continue
        dated = date_for(a, index, sentence.start, actor, False)
        decisions.append(
            PolicyDecisionCandidate(
                country=actor.country,
                organization=actor.organization,
                action=PolicyAction.MAINTAINED,
                date=dated.date,
                date_basis=DateBasis.ANNOUNCED if dated.date else None,
                decided_by=actor.person,
                evidence=[sentence.span()],
                confidence=0.5,
            )
        )
