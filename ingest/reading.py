"""Reading a normalized body: title, byline and dateline, boilerplate masked, the content hash."""

import dataclasses
import re

from db.fuzzy_date import FuzzyDate
from ingest.intake import IntakeError
from ingest.normalize import content_hash, has_words, visible

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUMBER = {name[:3]: i for i, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
)}  # fmt: skip
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?"
_PREFIX = (
    r"(?:(?:published|updated|last\s+updated|posted|date|dated)\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
)
_DATE = (
    rf"{_PREFIX}(?:"
    rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTHS})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?\S*)?"
    rf"|(?P<m3>{_MONTHS})\s+(?P<y3>\d{{4}})"
    rf"){_TIME}"
)
_DATE_LINE = re.compile(rf"^{_DATE}$", re.IGNORECASE)
# A dateline that opens a header line, followed by other words ("Monday 6 May 2024. All times").
_DATE_OPENING = re.compile(rf"^{_DATE}(?=\s*[.,;|])", re.IGNORECASE)
# A dateline glued to the start of the text, e.g. " date 2024-05-31 Citing three ...".
_LEADING_DATE = re.compile(
    r"^\s*(?:date|published|updated|dated)\s*:?\s*(?P<iso>\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE
)
_BYLINE = re.compile(r"^(?:by|written by)\s+(?P<names>[^\s].{1,250})$", re.IGNORECASE)
_NAME_LINE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3}$")
_IMAGE_CREDIT = re.compile(
    r"^(?:(?:photos?|photographs?|images?|pictures?|credits?)(?:\s+(?:source|credit|by))?"
    r"\s*[:©]|photo(?:graph)?\s+by\b|©)"
    r"|\((?:getty images|reuters|ap|afp|epa|ap photo|[^()]{0,60}/(?:getty images|afp|reuters|ap))"
    r"[^()]{0,60}\)$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:content|articles?|stories|coverage|news))?|read\s+(?:more|also|next)"
    r"|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|advertisement)\b\s*(?:[:.…-].*)?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", ",", ";", ":")
HEADER_LINES = 12  # header fields are read only near the top of the text


@dataclasses.dataclass(frozen=True)
class Masked:
    """A span of the body hidden from the extractor, and why."""

    start: int
    end: int
    reason: str  # title | byline | date | duplicate | related | image-credit


@dataclasses.dataclass(frozen=True)
class Reading:
    """What intake read from a body: header fields, masked spans, the extractor's copy, the hash."""

    body: str
    masked_text: str
    masked: tuple[Masked, ...]
    content_hash: str
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    published: FuzzyDate | None = None
    published_text: str | None = None


def _lines(body: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each line, end excluding the newline."""
    out, start = [], 0
    for line in body.split("\n"):
        out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


def date_from_line(text: str, opening: bool = False) -> FuzzyDate | None:
    """The date a dateline states, at the precision it states it (`opening`: the line may go
    on after the date)."""
    found = (_DATE_OPENING if opening else _DATE_LINE).match(text.strip())
    if not found:
        return None
    return _date_of(found)


def _date_of(found: re.Match[str]) -> FuzzyDate | None:
    g = found.groupdict()
    try:
        if g["iso"]:
            return FuzzyDate.parse(g["iso"])
        year = g["y1"] or g["y2"] or g["y3"]
        month = _MONTH_NUMBER[(g["m1"] or g["m2"] or g["m3"]).lower()[:3]]
        day = g["d1"] or g["d2"]
        if day is None:
            return FuzzyDate.parse(f"{year}-{month:02d}")
        return FuzzyDate.parse(f"{year}-{month:02d}-{int(day):02d}")
    except ValueError:
        return None  # e.g. 31 February: not a date, so not a dateline


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(text) <= 200
        and 2 <= len(words) <= 25
        and not text.endswith(_SENTENCE_END)
        and date_from_line(text) is None
        and not _BYLINE.match(text)
    )


def byline_names(names: str) -> tuple[str, ...]:
    """People named in a byline: 'A, B and C' -> (A, B, C); roles after '|' or ' - ' dropped."""
    names = re.split(r"\s+[|–—-]\s+|\|", names)[0]
    parts = re.split(r",|\s+and\s+|\s*&\s*", names)
    return tuple(p.strip() for p in parts if _NAME_LINE.match(p.strip()))


def read(body: str) -> Reading:
    """Read the header (title, byline, dateline) and find boilerplate in a normalized body.

    Masked spans are replaced by spaces in `masked_text`, so offsets stay those of `body`.
    """
    lines = _lines(body)
    masked: list[Masked] = []
    title = byline = published_text = None
    authors: tuple[str, ...] = ()
    published: FuzzyDate | None = None

    leading = _LEADING_DATE.match(body)
    if leading:
        published = FuzzyDate.parse(leading.group("iso"))
        published_text = leading.group().strip()
        masked.append(Masked(leading.start(), leading.end(), "date"))

    # The header zone: the first lines, up to the first line that reads like a paragraph.
    header = []
    for number, (start, end, text) in enumerate(lines[:HEADER_LINES]):
        stripped = text.strip()
        if leading and number == 0:
            break
        paragraph = len(stripped) > 200 or (stripped.endswith(".") and len(stripped.split()) > 12)
        if paragraph and not _DATE_OPENING.match(stripped):
            break
        header.append((number, start, end, stripped))
    filled = [h for h in header if h[3]]
    taken: set[int] = set()

    date_index = None
    for number, start, end, stripped in filled if published is None else []:
        whole = _DATE_LINE.match(stripped)
        opening = whole or _DATE_OPENING.match(stripped)
        found = _date_of(opening) if opening else None
        if found is not None:
            assert opening is not None
            indent = len(lines[number][2]) - len(lines[number][2].lstrip())
            published, published_text, date_index = found, opening.group(), number
            masked.append(Masked(start, end if whole else start + indent + opening.end(), "date"))
            taken.add(number)
            break
    for position, (number, start, end, stripped) in enumerate(filled):
        by = _BYLINE.match(stripped)
        near_date = date_index is not None and any(
            f[0] == date_index for f in filled[max(0, position - 1) : position + 2]
        )
        if by and byline_names(by.group("names")):
            byline, authors = stripped, byline_names(by.group("names"))
        elif near_date and number != date_index and _NAME_LINE.match(stripped) and position:
            byline, authors = stripped, (stripped,)
        else:
            continue
        masked.append(Masked(start, end, "byline"))
        taken.add(number)
        break
    candidates = [f for f in filled if f[0] not in taken]
    if len(lines) > 1 and candidates and _title_like(candidates[0][3]):
        first = candidates[0]
        second = candidates[1] if len(candidates) > 1 else None
        # A section label glued to the headline ("NewsBiden quietly ...") followed by the
        # headline itself: take the clean copy, hide both.
        if second and _title_like(second[3]) and first[3].endswith(second[3]) and first != second:
            masked.append(Masked(first[1], first[2], "title"))
            first = second
        # A section label before the headline ("IN BRIEF | Belgium signs ...") is not part of it.
        label, bar, rest = first[3].partition(" | ")
        title = rest.strip() if bar and label.isupper() and len(label.split()) <= 3 else first[3]
        masked.append(Masked(first[1], first[2], "title"))
        taken.add(first[0])

    seen: set[str] = set()
    boiler: list[Masked] = []
    for start, end, text in lines:
        stripped = text.strip()
        if not stripped:
            continue
        reason = None
        if stripped in seen:
            reason = "duplicate"
        elif _RELATED.match(stripped):
            reason = "related"
        elif len(stripped) <= 200 and _IMAGE_CREDIT.search(stripped):
            reason = "image-credit"
        seen.add(stripped)
        if reason:
            boiler.append(Masked(start, end, reason))
    # A title repeated as the first line of the text is a duplicate too, already masked.
    spans = sorted({*masked, *boiler}, key=lambda m: (m.start, m.end))
    chars = list(body)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    boiler_lines = {(m.start, m.end) for m in boiler}
    kept = [t for s, e, t in lines if (s, e) not in boiler_lines]
    return Reading(
        body=body,
        masked_text="".join(chars),
        masked=tuple(spans),
        content_hash=content_hash("\n".join(kept)),
        title=title,
        byline=byline,
        authors=authors,
        published=published,
        published_text=published_text,
    )


def require_text(reading: Reading) -> None:
    """IntakeError unless something is left for the extractor once header and boilerplate are
    set aside: a body of only related-content lines and image credits is not an article."""
    if not has_words(visible(reading.masked_text)):
        raise IntakeError(
            "body", "has no article text: only a header and boilerplate (related links, credits)"
        )
