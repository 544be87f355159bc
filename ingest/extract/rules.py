"""The `extract` entry point: text in, mentions and candidate facts with evidence out."""

from db.fuzzy_date import FuzzyDate
from ingest.extract.actors import actors_in
from ingest.extract.anchors import anchored
from ingest.extract.article import Article
from ingest.extract.dates import DateHit, find_dates
from ingest.extract.decisions import read_decisions
from ingest.extract.gazetteer import Gazetteer, Hit
from ingest.extract.language import detect_language
from ingest.extract.model import Extraction, Mention, Span
from ingest.extract.money import Money, find_money
from ingest.extract.packages import read_packages
from ingest.extract.people import PersonMention, read_people
from ingest.extract.statements import read_statements
from ingest.extract.text import sentences

EXTRACTOR_NAME = "frontline-rules"
EXTRACTOR_VERSION = "1.4.0"


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
    out.policy_decisions.extend(read_decisions(article))
    out.aid_packages.extend(read_packages(article))
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
