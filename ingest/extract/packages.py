"""Aid package candidates of an article: amounts with a donor, and packages promised in kind."""

from ingest.extract import aid as aid_rules
from ingest.extract.actors import Actor, listed_from, source_after
from ingest.extract.article import Article
from ingest.extract.attribution import basis, resolve_actors
from ingest.extract.model import AidPackageCandidate
from ingest.extract.money import resolve_currency
from ingest.extract.timing import date_for


def read_packages(a: Article) -> list[AidPackageCandidate]:
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
            subjects, carried = resolve_actors(a, index, money.start, 0, carry)
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
                    found[key].date, found[key].date_basis = dated.date, basis(text)
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
                date_basis=basis(text) if dated.date else None,
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
    subjects, carried = resolve_actors(a, index, sentence.start + cue.start(), 0, carry)
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
        date_basis=basis(sentence.text) if dated.date else None,
        announced_by=donor.person,
        evidence=[sentence.span()],
        confidence=round(0.4 + 0.1 * (not carried) + 0.1 * (dated.strength >= 2), 2),
    )
