"""The `extract` entry point: text in, mentions and candidate facts with evidence out."""

import dataclasses
import re

from db.enums import DateBasis, FactStatus, PolicyAction, Stance
from db.fuzzy_date import FuzzyDate
from ingest.extract import aid as aid_rules
from ingest.extract import policy as policy_rules
from ingest.extract.actors import (
    Actor,
    actors_in,
    agent_after,
    listed_from,
    named_after,
    source_after,
    subject_before,
    suppliers,
)
from ingest.extract.anchors import anchored
from ingest.extract.article import Article
from ingest.extract.dates import DateHit, find_dates
from ingest.extract.gazetteer import Gazetteer, Hit
from ingest.extract.language import detect_language
from ingest.extract.model import (
    AidPackageCandidate,
    Extraction,
    Mention,
    PersonRef,
    PolicyDecisionCandidate,
    Span,
)
from ingest.extract.money import Money, find_money, resolve_currency
from ingest.extract.people import PersonMention, read_people
from ingest.extract.statements import read_statements
from ingest.extract.text import sentences
from ingest.extract.timing import Dated, date_for

EXTRACTOR_NAME = "frontline-rules"
EXTRACTOR_VERSION = "1.4.0"

_UKRAINE_FIRST = re.compile(r"^\W*(?:the\s+)?(?:Ukrain\w*|Kyiv|Kiev|Zelensk\w*)\b")
# "May 10 — Russian forces cross the border ...": Russia acts; no supplier is carried in.
_RUSSIA_FIRST = re.compile(
    r"^\W*(?:[^—–.]{0,25}[—–]\s*)?(?:the\s+)?(?:Russia\w*|Moscow|Kremlin|Putin)\b"
)
_PRONOUN = re.compile(
    r"\b(?:he|she|they|it|the\s+(?:government|minister|chancellor|president|country|administration))\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:reported|according\s+to|citing|sources?\s+(?:said|say)|officials?\s+(?:said|say)|people\s+familiar)\b",
    re.I,
)
_GENERIC_SUBJECT = re.compile(
    r"\b(?:partners|allies|ally|countries|nations|others|governments|the\s+west|capitals|"
    r"(?:each|every)\s+\w+)\b",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:he|she|it|they|the\s+(?:government|minister|chancellor|president))\b", re.I
)
_SINGULAR = re.compile(
    r"\b(?:he|she|it|its|his|her|the\s+(?:government|minister|chancellor|president|premier|"
    r"country|administration|cabinet))\b",
    re.I,
)
_PLURAL = re.compile(
    r"\b(?:they|their|both|the\s+(?:two|three|four)|all\s+(?:two|three|four))\b", re.I
)
_DECIDED = re.compile(r"\b(?:decided|approved|authori[sz]ed|signed|cleared)\b", re.I)


def extract(
    body: str,
    *,
    published: FuzzyDate | None,
    language: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Extraction:
    """Mentions and candidate facts of one article; never raises on odd input."""
    lang = (language or detect_language(body) or "und").lower()
    result = Extraction(extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION, language=lang)
    try:
        _run(body, published, lang, gazetteer or Gazetteer.builtin(), result)
    except Exception as error:
        result.notes.append(
            f"extraction stopped early ({type(error).__name__}); partial results only"
        )
    return result


def _run(
    body: str, published: FuzzyDate | None, lang: str, gaz: Gazetteer, out: Extraction
) -> None:
    parts = sentences(body)
    hits = gaz.find(body)
    people = read_people(parts, hits, gaz.people)
    dates: list[list[DateHit]] = []
    last: FuzzyDate | None = None
    for sentence in parts:
        found = find_dates(sentence.text, sentence.start, published)
        found += anchored(sentence, found, last)
        found.sort(key=lambda h: h.start)
        dates.append(found)
        resolved = [d.date for d in found if d.date is not None]
        last = resolved[-1] if resolved else last
    money = [find_money(s.text, s.start) for s in parts]
    _mentions(out, body, hits, people.mentions, dates, money)
    if lang not in ("en", "und"):
        out.notes.append(
            f"language {lang!r} is not supported: only names, amounts and dates were extracted"
        )
        return
    if lang == "und" and parts:
        out.notes.append("language not recognised: rules for English were applied")
    actors = [actors_in(s, hits, people.mentions) for s in parts]
    article = Article(body, published, parts, dates, money, actors, hits)
    out.person_roles.extend(people.roles)
    out.policy_decisions.extend(_decisions(article))
    out.aid_packages.extend(_packages(article))
    out.statements.extend(read_statements(parts, people.mentions, published))


def _mentions(
    out: Extraction,
    body: str,
    hits: list[Hit],
    people: list[PersonMention],
    dates: list[list[DateHit]],
    money: list[list[Money]],
) -> None:
    for hit in hits:
        kind = "country" if hit.entry.kind == "group" else hit.entry.kind
        values = (
            hit.entry.members
            if hit.entry.kind == "group"
            else (hit.entry.country if kind == "country" else hit.entry.key,)
        )
        for value in values:
            if value:
                out.mentions.append(Mention(kind, Span(hit.start, hit.end, hit.text), value))
    for person in people:
        if person.ref.key is None:
            span = Span(person.start, person.end, body[person.start : person.end])
            out.mentions.append(Mention("person", span, person.ref.name))
    for found in dates:
        for d in found:
            if d.date is not None:
                out.mentions.append(
                    Mention(
                        "date", Span(d.start, d.end, d.text), d.date.value, d.date.precision.value
                    )
                )
    for amounts in money:
        out.mentions.extend(
            Mention("money", Span(m.start, m.end, m.text), m.value) for m in amounts
        )


def _basis(text: str, action: PolicyAction | None = None) -> DateBasis:
    if _REPORTED.search(text):
        return DateBasis.FIRST_REPORTED
    if _DECIDED.search(text):
        return DateBasis.DECIDED
    return DateBasis.ANNOUNCED


def _resolve_actors(
    a: Article, index: int, at: int, floor: int, carry: list[Actor], supplier_first: bool = False
) -> tuple[list[Actor], bool]:
    """The actors of a cue: subject before it, else the supplier, else the previous subject."""
    sentence = a.sentences[index]
    here = a.actors[index]
    subject = agent_after(sentence, here, at) or subject_before(
        sentence, here, at, floor=sentence.start + floor
    )
    if not subject:
        subject = suppliers(sentence, here)[:1] or named_after(sentence, here, at, floor)
    if not subject and not here:
        before = sentence.text[floor : at - sentence.start]
        if _RUSSIA_FIRST.match(sentence.text) or (
            _UKRAINE_FIRST.match(before) and len(before.split()) > 5
        ):
            return [], True  # "Kyiv gave assurances that it would ...": Ukraine speaks, no carry
        generic = [m.start() for m in _GENERIC_SUBJECT.finditer(before)]
        pronoun = [m.start() for m in _PRONOUN_SUBJECT.finditer(before)]
        if generic and (not pronoun or generic[-1] > pronoun[-1]):
            return [], True  # "some partners have ...": not the previous subject
        if _SINGULAR.search(before) and not _PLURAL.search(before):
            return carry[:1], True  # "he", "the minister": one of the actors named before
        return carry, True
    return subject, False


def _decisions(a: Article) -> list[PolicyDecisionCandidate]:
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
                _resolve_actors(a, index, sentence.start + start, floor, carry)
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
                date_basis=_basis(text, action) if dated.date else None,
                decided_by=actor.person or _person_of(a, index, actor),
                evidence=[span],
                confidence=round(0.5 + 0.2 * (not carried) + 0.1 * (dated.strength >= 2), 2),
            )
            found.append((candidate, dated.strength))
        denial = policy_rules.DENIAL.search(text)
        if not actions and denial and (topical or policy_rules.is_topical(text, True)):
            subjects, _ = _resolve_actors(a, index, sentence.start + denial.start(), 0, carry)
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
                policy_rules.NAMED_MISSILE.search(e.quote)
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


def _packages(a: Article) -> list[AidPackageCandidate]:
    found: dict[tuple[str, object, str | None], AidPackageCandidate] = {}
    strengths: dict[tuple[str, object, str | None], int] = {}
    carry: list[Actor] = []
    for index, sentence in enumerate(a.sentences):
        text = sentence.text
        amounts = a.money[index]
        here = a.actors[index]
        for money in amounts:
            if not aid_rules.is_package(text, money, sentence.start, amounts):
                continue
            subjects, carried = _resolve_actors(a, index, money.start, 0, carry)
            source = source_after(sentence, here, money.end)
            subjects, carried = (source, False) if source else (subjects, carried)
            donors = [s.country for s in subjects if s.country]
            if not donors:
                by_currency = aid_rules.currency_country(money.currency)
                donors = [by_currency] if by_currency else [c.country for c in carry if c.country]
            if not donors:
                continue
            donor = donors[0]
            currency = resolve_currency(money.currency, donor)
            key = (donor, money.amount, currency)
            actor = next((s for s in subjects if s.country == donor), None)
            dated = date_for(a, index, money.start, actor, carried, periods=False)
            if key in found:
                found[key].evidence.append(sentence.span())
                if dated.strength > strengths[key] and dated.date is not None:
                    # a headline's "this year" gives way to the day the body tells
                    found[key].date, found[key].date_basis = dated.date, _basis(text)
                    strengths[key] = dated.strength
                continue
            strengths[key] = dated.strength
            window = " ".join(s.text for s in a.sentences[index : index + 3])
            mechanism = aid_rules.MECHANISM.search(window)
            contents = sorted(
                {
                    h.entry.name
                    for h in a.hits
                    if h.entry.kind == "weapon" and sentence.start <= h.start < sentence.end
                }
            )
            found[key] = AidPackageCandidate(
                donor=donor,
                amount=money.amount,
                currency=currency,
                kind=aid_rules.aid_kind(text),
                contents=contents,
                mechanism=mechanism.group(0) if mechanism else None,
                date=dated.date,
                date_basis=_basis(text) if dated.date else None,
                announced_by=next(
                    (s.person for s in here if s.person is not None and s.country == donor), None
                ),
                evidence=[sentence.span()],
                confidence=round(0.5 + 0.2 * (not carried) + 0.1 * (dated.strength >= 2), 2),
            )
        if not amounts:
            _in_kind(a, index, carry, found)
        if here:
            carry = listed_from(sentence, here, 0)
    return list(found.values())


def _in_kind(
    a: Article,
    index: int,
    carry: list[Actor],
    found: dict[tuple[str, object, str | None], AidPackageCandidate],
) -> None:
    """A package promised with no amount ("will send Ukraine another air defence system")."""
    sentence = a.sentences[index]
    cue = aid_rules.in_kind(sentence.text)
    if cue is None:
        return
    subjects, carried = _resolve_actors(a, index, sentence.start + cue.start(), 0, carry)
    donor = next((s for s in subjects if s.country), None)
    if donor is None or donor.country is None:
        return
    near = [s.span() for s in a.sentences[max(0, index - 2) : index + 3]]
    if any(
        key[0] == donor.country and any(span in p.evidence for span in near)
        for key, p in found.items()
    ):
        return  # the goods of a package with an amount told in a sentence nearby
    key = (donor.country, None, None)
    if key in found:
        found[key].evidence.append(sentence.span())
        return
    dated = date_for(a, index, sentence.start + cue.start(), donor, carried, periods=False)
    found[key] = AidPackageCandidate(
        donor=donor.country,
        kind=aid_rules.aid_kind(sentence.text),
        contents=sorted(
            {
                h.entry.name
                for h in a.hits
                if h.entry.kind == "weapon" and sentence.start <= h.start < sentence.end
            }
        ),
        date=dated.date,
        date_basis=_basis(sentence.text) if dated.date else None,
        announced_by=donor.person,
        evidence=[sentence.span()],
        confidence=round(0.4 + 0.1 * (not carried) + 0.1 * (dated.strength >= 2), 2),
    )
