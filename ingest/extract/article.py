"""One article read once: its sentences and the dates, amounts and actors in each."""

import dataclasses

from db.fuzzy_date import FuzzyDate
from ingest.extract.actors import Actor
from ingest.extract.dates import DateHit
from ingest.extract.gazetteer import Hit
from ingest.extract.money import Money
from ingest.extract.text import Sentence


@dataclasses.dataclass
class Article:
    body: str
    published: FuzzyDate | None
    sentences: list[Sentence]
    dates: list[list[DateHit]]  # per sentence
    money: list[list[Money]]  # per sentence
    actors: list[list[Actor]]  # per sentence
    hits: list[Hit]
