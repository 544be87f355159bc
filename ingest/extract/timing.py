"""Which date a fact takes: its own sentence's, an anchor's, a lead-in's, or none for a state."""

import dataclasses
import re

from db.fuzzy_date import FuzzyDate
from ingest.extract.actors import Actor
from ingest.extract.article import Article
from ingest.extract.dates import DateHit

_BACKGROUND = re.compile(
    r"\b(?:since|until|by|before|through|over|from|ahead\s+of)\s+(?:(?:the|late|early|mid|"
    r"summer|spring|autumn|fall|winter|start|end|beginning|middle)\s+(?:of\s+)?){0,3}$",
    re.I,
)
# "BERLIN, May 31 (Wire) -": the dateline gives the publication day, not the event's.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30},\s*(?:[A-Z][\w.'’ -]{1,30},\s*)?$")
_THIS_WAS = re.compile(
    r"^\W*(?:This|That|It|The\s+(?:decision|announcement|move|statement|remark|comment|change|"
    r"shift|step|permission|reversal|approval|authori[sz]ation|news|pledge|package)s?)\s+"
    r"(?:was|were|came)\s+(?:\w+\s+){0,2}"
    r"(?:declared|said|announced|confirmed|stated|made|reported|disclosed|revealed|given)",
    re.I,
)
_ANAPHORA = re.compile(
    r"^\W*(?:(?:on|during|at|in)\s+the\s+same\s+(?:trip|visit|day|occasion|meeting|"
    r"press\s+conference|event|call)|within\s+(?:hours|days|minutes)\s+of|"
    r"(?:hours|minutes|moments)\s+later|later\s+(?:that|the\s+same)\s+day)\b",
    re.I,
)
# A short sentence that only says when what follows happened: "The shift came on Monday."
_LEAD_IN = re.compile(
    r"^\W*(?:The|That|This|It|Its|Their|His|Her|A|An|Then)\b[^.;:]{0,80}?\b(?:came|happened|"
    r"followed|arrived|broke|occurred|took\s+place|(?:was|were)\s+(?:announced|made|taken|"
    r"unveiled|delivered|published))\b",
    re.I,
)
# A standing state with no event behind it ("Berlin still refuses"): no date to give.
_STATE = re.compile(
    r"\b(?:already|remains?|still|which\s+(?:still|has|have)|(?:has|have)\s+(?:\w+\s+)?(?:refused|"
    r"ruled|declined|made\s+clear|resisted|rejected|repeatedly)|(?:has|have)\s+(?:also\s+)?been\s+"
    r"(?:in\s+favou?r|pushing|calling|urging|arguing|among|reluctant)|(?:has|have)\s+long\b|"
    r"continues?\s+to|consistently|sticking\s+to|sticks\s+to|stands?\s+by|standing\s+by|for\s+(?:months|years|weeks)|(?:has|have)\s+always|"
    r"(?:has|have)\s+(?:also\s+|repeatedly\s+|publicly\s+|since\s+)?(?:said|stated|made\s+clear|"
    r"insisted|signalled|signaled|indicated|called|urged|pressed|pushed|lobbied))\b",
    re.I,
)
_PAST_SPEECH = re.compile(
    r"\b(?:said|told|declared|reiterated|announced|confirmed|stated|insisted|"
    r"replied|wrote|argued|added|decided|approved|agreed|signed|emphasi[sz]ed|stressed|underlined|"
    r"noted|explained|assured|warned|claimed|admitted|told)\b",
    re.I,
)
# Spending periods after an amount ("€1bn this year"), not when the package was announced.
_PERIOD = re.compile(
    r"^(?:(?:this|next)\s+year|(?:in|for|during|throughout|over)\s+20\d\d|20\d\d)$", re.I
)

_WHEN_AFTER = re.compile(r",?\s+when\s+\S", re.I)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?$", re.I)


def _past_speech(text: str) -> bool:
    """A verb of saying or deciding in the simple past ("said"; not "has long argued")."""
    return any(not _PERFECT.search(text, 0, m.start()) for m in _PAST_SPEECH.finditer(text))


@dataclasses.dataclass
class Dated:
    """A date and how directly the text ties it to the fact (higher is better)."""

    date: FuzzyDate | None
    strength: int


# Where one clause of a sentence ends and another, with its own subject or time, begins.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|which|who)\b|\s+(?:while|whereas)\s+|,\s+(?=will\b)", re.I
)


def _segment(text: str, at: int) -> tuple[int, int]:
    """The clause of `text` around position `at`."""
    lo, hi = 0, len(text)
    for brk in _CLAUSE_BREAK.finditer(text):
        if brk.end() <= at:
            lo = brk.start()
        elif brk.start() > at:
            hi = brk.start()
            break
    return lo, hi


def _first_text(a: Article) -> int:
    """The sentence a dateline can open: the first one with a date in it."""
    return next((i for i, found in enumerate(a.dates) if found), -1)


def usable(a: Article, index: int, periods: bool = True) -> list[DateHit]:
    """Dates in sentence `index` that can date an event (not "since 2022", not "until June")."""
    sentence = a.sentences[index]
    found = [
        d
        for d in a.dates[index]
        if d.date is not None
        and (
            not _BACKGROUND.search(a.body[max(sentence.start, d.start - 30) : d.start])
            or _WHEN_AFTER.match(a.body, d.end)  # "since March, when X said ...": X's date
        )
        # a headline or byline with a date may come before the dateline
        and not (index <= _first_text(a) + 2 and _DATELINE.match(a.body[sentence.start : d.start]))
        and not re.match(r"(?:since|until|by|through)\b", d.text, re.I)
    ]
    if not periods:
        events = [d for d in found if not _PERIOD.match(d.text)]
        found = events or found
    return found


def date_for(
    a: Article, index: int, at: int, actor: Actor | None, carried: bool, periods: bool = True
) -> Dated:
    """The date of a fact stated at absolute offset `at` in sentence `index`."""
    sentence = a.sentences[index]
    here = usable(a, index, periods)
    lo, hi = _segment(sentence.text, at - sentence.start)
    first_actor = min((x.start for x in a.actors[index]), default=sentence.end)
    # A date before any actor opens the whole sentence ("On Monday, X ..., while Y ...").
    own = [d for d in here if lo <= d.start - sentence.start < hi or d.end <= first_actor]
    clause = sentence.text[lo:hi]
    if (
        here
        and not own
        and (
            _STATE.search(clause)
            or any(lo <= x.start - sentence.start and x.end <= at for x in a.actors[index])
        )
    ):
        here = []  # "..., and the Dutch government has said ...": another clause's date
    if here:
        best = min(here, key=lambda d: abs(d.start - at))
        if best.date_before is not None and at < best.start:
            return Dated(best.date_before, 3)
        # "$4.5 billion this year" says when it is spent; a later mention may say when pledged
        return Dated(best.date, 1 if not periods and _PERIOD.match(best.text) else 3)
    if _ANAPHORA.match(sentence.text):  # "On the same trip ...": the last date the text gave
        earlier = [d.date for found in a.dates[:index] for d in found if d.date is not None]
        if earlier:
            return Dated(earlier[-1], 2)
    if index + 1 < len(a.sentences) and _THIS_WAS.match(a.sentences[index + 1].text):
        following = [d for d in a.dates[index + 1] if d.date is not None]
        if following:
            return Dated(following[0].date, 3)
    if index > 0:
        previous = usable(a, index - 1)
        same_actor = actor is not None and any(
            p.country == actor.country and p.organization == actor.organization
            for p in a.actors[index - 1]
        )
        size = len(a.sentences[index - 1].text.split())
        lead_in = not a.actors[index - 1] and (
            size <= 8 or (size <= 14 and _LEAD_IN.match(a.sentences[index - 1].text))
        )
        if previous and (carried or same_actor or lead_in):
            return Dated(previous[-1].date, 2)
    if _STATE.search(clause) and not _past_speech(clause):
        return Dated(None, 0)
    if re.search(r"\bstill\b", sentence.text, re.I):
        return Dated(None, 0)
    return Dated(a.published, 0)
