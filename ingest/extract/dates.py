"""Dates in the text, absolute or relative to the publication date, kept at their real precision."""

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from db.enums import Precision
from db.fuzzy_date import FuzzyDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
}
_PART = r"(?:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|(?:early|mid|late)-)"
_FUTURE = re.compile(
    r"\b(?:will|is due|are due|is set to|is expected to|plans? to|scheduled|"
    r"next\s+(?:week|month|year))\b",
    re.I,
)

_ABSOLUTE = re.compile(
    rf"\b(?P<iso>(?P<iy>20\d\d|19\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b"
    rf"|\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y1>20\d\d|19\d\d))?\b"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>20\d\d|19\d\d))?"
    rf"|(?:\b(?P<part>{_PART})\s*)?\b(?P<m3>{_FULL_MONTH}|{_MONTH}(?=\s+(?:of\s+)?(?:20|19)\d\d))(?:\s+(?:of\s+)?(?P<y3>20\d\d|19\d\d))?\b"
    rf"|\b(?:in|since|during|of|by|until|early|late|mid-|throughout)\s+(?P<y4>20\d\d|19\d\d)\b"
)
_RELATIVE = re.compile(
    r"\b(?P<rel>(?:earlier\s+|later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|yesterday|last\s+night|tomorrow"
    r"|(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago"
    r"|(?:a\s+few|several|a\s+couple\s+of|some)?\s*days\s+ago"
    r"|(?:a\s+few|several|some)?\s*weeks\s+ago|a\s+week\s+ago"
    r"|(?:early|late|earlier|later)?\s*(?:at\s+the\s+(?:start|end|beginning)\s+of\s+)?(?:last|this|past)\s+week(?:end)?"
    r"|(?:over|at)\s+the\s+weekend"
    r"|(?:early|late|earlier|later)?\s*(?:at\s+the\s+(?:start|end|beginning)\s+of\s+)?(?:in\s+)?(?:last|this|the\s+past)\s+month"
    r"|(?:at\s+the\s+(?:start|end|beginning)|in\s+the\s+middle)\s+of\s+the\s+month"
    r"|(?:earlier|later)\s+(?:this|in\s+the)\s+month"
    r"|(?:earlier\s+|later\s+)?this\s+year|last\s+year"
    r"|last\s+(?:summer|spring|autumn|fall|winter)"
    r"|(?P<wmod>last|this|next|on|early|late)?\s*(?P<wd>" + _WEEKDAY + r")(?:'s)?)\b",
    re.I,
)

# A past verb just before a weekday, perhaps with a place between ("signed in Brussels on
# Tuesday"), dates a past event even in a sentence that also speaks of the future.
_PAST_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )\b(?:\w+ed|said|told|met|spoke|wrote|came|went|gave|made|held|took|"
    r"began|won)\s+(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*\s+)?$"
)

# "X will provide ..., the minister said after signing ... on Thursday": the verb of saying
# between the future and the weekday puts the weekday in the past.
_SAID = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bhave )\b(?:said|told|announced|confirmed|stated|declared|added|"
    r"signed|met|spoke|agreed|wrote)\b",
    re.I,
)

_PAST_AFTER = re.compile(
    r",?\s+(?:\w+ed|said|told|met|spoke|wrote|came|went|gave|made|held|took|began|won)\b"
)


@dataclasses.dataclass(frozen=True, slots=True)
class DateHit:
    """A date phrase and what it resolves to (None when the text does not say enough)."""

    start: int
    end: int
    text: str
    date: FuzzyDate | None
    relative: bool
    # "a day after <clause>": the clause takes `date`; what is said before the phrase, this.
    date_before: FuzzyDate | None = None


def reduce(lo: dt.date, hi: dt.date) -> FuzzyDate | None:
    """The finest fuzzy date that covers every day from `lo` to `hi`; no day is invented."""
    if lo > hi:
        lo, hi = hi, lo
    if lo == hi:
        return FuzzyDate(lo.isoformat(), Precision.DAY)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return FuzzyDate(f"{lo.year:04d}-{lo.month:02d}", Precision.MONTH)
    if lo.year == hi.year:
        return FuzzyDate(f"{lo.year:04d}", Precision.YEAR)
    return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _relative(
    phrase: str, n: str | None, wmod: str | None, wd: str | None, future: bool
) -> Callable[[dt.date], tuple[dt.date, dt.date]] | None:
    """A function from the publication day to the range of days the phrase can mean."""
    p = " ".join(phrase.lower().split())
    days = dt.timedelta
    if wd:
        target = _WEEKDAYS.index(wd.lower())
        mod = (wmod or "").lower()

        def weekday(a: dt.date) -> tuple[dt.date, dt.date]:
            back = (a.weekday() - target) % 7
            if mod == "next" or (future and mod != "last"):
                ahead = (target - a.weekday()) % 7 or 7
                d = a + days(ahead)
            elif mod == "last":
                d = a - days(back or 7)
            else:
                d = a - days(back)
            return d, d

        return weekday
    if ("today" in p or "tonight" in p or p.startswith("this ")) and not re.search(
        r"week|month|year", p
    ):
        return lambda a: (a, a)
    if p in ("yesterday", "last night"):
        return lambda a: (a - days(1), a - days(1))
    if p == "tomorrow":
        return lambda a: (a + days(1), a + days(1))
    if n:
        k = int(n) if n.isdigit() else _NUMBERS[n.lower()]
        return lambda a: (a - days(k), a - days(k))
    if p.endswith("days ago"):
        return (
            (lambda a: (a - days(3), a - days(2)))
            if "couple" in p
            else (lambda a: (a - days(10), a - days(1)))
        )
    if p == "a week ago":
        return lambda a: (a - days(8), a - days(6))
    if p.endswith("weeks ago"):
        return lambda a: (a - days(35), a - days(7))
    if "weekend" in p:

        def weekend(a: dt.date) -> tuple[dt.date, dt.date]:
            sat = a - days((a.weekday() - 5) % 7 or 7)
            return (sat, sat + days(1)) if sat + days(1) <= a else (sat, sat)

        return weekend
    if "week" in p:
        last = "last" in p or "past" in p
        late = "late" in p or "end" in p
        early = "early" in p or "start" in p or "beginning" in p

        def week(a: dt.date) -> tuple[dt.date, dt.date]:
            monday = a - days(a.weekday()) - days(7 if last else 0)
            lo, hi = monday, monday + days(6)
            if late:
                lo = monday + days(3)
            if early:
                hi = monday + days(2)
            if not last:
                hi = min(hi, a)
            return lo, max(lo, hi)

        return week
    if "month" in p:
        back = 1 if "last" in p else 0

        def month(a: dt.date) -> tuple[dt.date, dt.date]:
            return _month_range(*_shift_month(a, -back))

        return month
    if "year" in p:
        back = 1 if "last" in p else 0
        return lambda a: (dt.date(a.year - back, 1, 1), dt.date(a.year - back, 12, 31))
    season = {
        "spring": (3, 5),
        "summer": (6, 8),
        "autumn": (9, 11),
        "fall": (9, 11),
        "winter": (12, 14),
    }
    for name, (first, last_month) in season.items():
        if name in p:

            def seasonal(
                a: dt.date, first: int = first, last_month: int = last_month
            ) -> tuple[dt.date, dt.date]:
                year = a.year if a.month > min(last_month, 12) else a.year - 1
                lo = dt.date(year, first, 1)
                hy, hm = _shift_month(dt.date(year, 1, 1), last_month - 1)
                return lo, _month_range(hy, hm)[1]

            return seasonal
    return None


def _year_for(month: int, published: FuzzyDate | None, future: bool) -> int | None:
    if published is None:
        return None
    year = published.latest.year
    if published.precision is not Precision.YEAR and month > published.latest.month and not future:
        year -= 1  # "in December" read in May is last December
    return year


def find_dates(text: str, offset: int, published: FuzzyDate | None) -> list[DateHit]:
    """Every date phrase in one sentence, resolved against the publication date."""
    future = bool(_FUTURE.search(text))
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for m in _ABSOLUTE.finditer(text):
        date: FuzzyDate | None = None
        try:
            if m.group("iso"):
                date = FuzzyDate(m.group("iso"), Precision.DAY)
            elif m.group("m1") or m.group("m2"):
                month = _MONTHS[(m.group("m1") or m.group("m2")).rstrip(".").lower()]
                day = int(m.group("d1") or m.group("d2"))
                raw_year = m.group("y1") or m.group("y2")
                year = int(raw_year) if raw_year else _year_for(month, published, future)
                date = (
                    FuzzyDate(dt.date(year, month, day).isoformat(), Precision.DAY)
                    if year
                    else None
                )
            elif m.group("m3"):
                word = m.group("m3")
                if word in ("May", "March") and not (m.group("part") or m.group("y3")):
                    before = text[max(0, m.start() - 12) : m.start()].lower()
                    if not re.search(
                        r"\b(?:in|of|since|until|by|early|late|mid-?|from|to)\s*$", before
                    ):
                        continue  # "May" the verb or a name; "March" the noun
                month = _MONTHS[word.rstrip(".").lower()]
                year = int(m.group("y3")) if m.group("y3") else _year_for(month, published, future)
                date = FuzzyDate(f"{year:04d}-{month:02d}", Precision.MONTH) if year else None
            elif m.group("y4"):
                date = FuzzyDate(m.group("y4"), Precision.YEAR)
        except ValueError:
            date = None
        hits.append(DateHit(offset + m.start(), offset + m.end(), m.group(0), date, False))
        taken.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(text):
        phrase = m.group(0).strip()
        if not phrase or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        futures = [f.end() for f in _FUTURE.finditer(text, 0, m.start())]
        past = bool(
            _PAST_BEFORE.search(text[max(0, m.start() - 50) : m.start() + lead])
            or _PAST_AFTER.match(text, m.end())
            or (futures and _SAID.search(text, futures[-1], m.start()))
        )
        rule = _relative(phrase, m.group("n"), m.group("wmod"), m.group("wd"), future and not past)
        date = None
        if rule is not None and published is not None:
            lo = rule(published.earliest)[0]
            hi = rule(published.latest)[1]
            date = reduce(lo, hi)
        start = offset + m.start() + lead
        hits.append(DateHit(start, offset + m.end(), phrase, date, True))
    hits.sort(key=lambda h: h.start)
    return hits
