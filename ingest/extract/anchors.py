"""Dates counted from the last date the text gave: "the same day", "a day later", "a day after"."""

import dataclasses
import datetime as dt
import re

from db.enums import Precision
from db.fuzzy_date import FuzzyDate
from ingest.extract.dates import DateHit, reduce
from ingest.extract.text import Sentence

_COUNT = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBERS.update(six=6, seven=7, eight=8, nine=9, ten=10)
_SAME = re.compile(r"\b(?:the\s+same|that)\s+(?P<unit>day|week|month|year)\b", re.I)
# "a day later", "the next day", "two days earlier", "the previous day": after or before the anchor.
_SHIFT = re.compile(
    rf"\b(?:{_COUNT}\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|afterwards|earlier|"
    r"before(?=\s*[,.;]|$)|after(?=\s+(?:that|this)\b))"
    r"|the\s+(?P<dir2>next|following|previous|preceding)\s+(?:day|morning|evening)"
    r"|the\s+day\s+(?P<dir3>before|after)(?=\s*[,.;]|$)"
    r"|(?:hours|minutes|moments)\s+(?P<dir4>later|earlier|before(?=\s*[,.;]|$)|afterwards))",
    re.I,
)
# "a day after <what happened>": the clause that follows happened that long before the anchor.
_AFTER = re.compile(
    rf"\b(?:just\s+|only\s+|barely\s+)?{_COUNT}\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+"
    r"(?!\s*(?:that|this|it)\b)",
    re.I,
)


def _count(match: re.Match[str]) -> int:
    raw = (match.group("n") or "one").lower()
    days = int(raw) if raw.isdigit() else _NUMBERS[raw]
    return days * 7 if match.group("unit").lower().startswith("week") else days


def shifted(anchor: FuzzyDate, days: int) -> FuzzyDate | None:
    """The anchor moved by whole days, at the precision the move leaves honest."""
    if anchor.precision is Precision.YEAR:
        return anchor
    delta = dt.timedelta(days=days)
    return reduce(anchor.earliest + delta, anchor.latest + delta)


def anchored(sentence: Sentence, found: list[DateHit], last: FuzzyDate | None) -> list[DateHit]:
    """Date hits for phrases in `sentence` that count from the last date given before them."""
    hits: list[DateHit] = []
    for match in _SAME.finditer(sentence.text):
        anchor = _anchor(sentence, found, match.start(), last)
        if anchor is None:
            continue
        unit = match.group("unit").lower()
        value: FuzzyDate | None = anchor
        if unit == "month" and anchor.precision is Precision.DAY:
            value = FuzzyDate(anchor.value[:7], Precision.MONTH)
        elif unit == "year":
            value = FuzzyDate(anchor.value[:4], Precision.YEAR)
        hits.append(_hit(sentence, match, value))
    for match in _SHIFT.finditer(sentence.text):
        anchor = _anchor(sentence, found, match.start(), last)
        if anchor is None:
            continue
        if match.group("dir4"):  # "hours earlier": the same day as the anchor
            hits.append(_hit(sentence, match, anchor))
            continue
        direction = (match.group("dir") or match.group("dir2") or match.group("dir3")).lower()
        later = direction in ("later", "afterwards", "next", "following", "after")
        days = _count(match) if match.group("n") else 1
        hits.append(_hit(sentence, match, shifted(anchor, days if later else -days)))
    for match in _AFTER.finditer(sentence.text):
        anchor = _anchor(sentence, found, match.start(), last)
        if anchor is None or any(h.start <= sentence.start + match.start() < h.end for h in hits):
            continue
        days = _count(match) * (1 if match.group("dir").lower() == "before" else -1)
        hits.append(
            dataclasses.replace(
                _hit(sentence, match, shifted(anchor, days)),
                date_before=shifted(anchor, -days),
            )
        )
    return hits


def _anchor(
    sentence: Sentence, found: list[DateHit], at: int, last: FuzzyDate | None
) -> FuzzyDate | None:
    earlier = [d.date for d in found if d.date is not None and d.end <= sentence.start + at]
    return earlier[-1] if earlier else last


def _hit(sentence: Sentence, match: re.Match[str], value: FuzzyDate | None) -> DateHit:
    text = match.group(0).rstrip()
    start = sentence.start + match.start()
    return DateHit(start, start + len(text), text, value, True)
