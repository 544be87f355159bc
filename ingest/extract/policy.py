"""Reading a sentence for decision cues: topic, hypotheticals, a yes or no answer, the actions."""

import re

from db.enums import PolicyAction
from ingest.extract.policy_cues import (
    ADVOCATE,
    EASE_VERB,
    LIFT,
    LIMITS,
    LONG_RANGE,
    MAINTAIN,
    REFUSE,
    RESTRICTION,
    TARGET,
    WEAK_LIFT,
    WEAPONS,
)

_I = re.I

# Words before a cue that make it hypothetical, a request or a question, not a decision.
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|would|may\s+(?:soon|decide|yet)|consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|debat\w+|"
    r"discuss\w+|under\s+pressure|expected\s+to|likely\s+to|whether|if|unless|reluctant|ask(?:s|ed|ing)?|"
    r"requests?|request(?:ed|ing)|hopes?|hoped|wants?|wanted|seek(?:s|ing)?|sought|plead\w*|begg\w+|"
    r"yet\s+to|not\s+yet|no\s+decision|rumou?rs?|speculat\w+|refus\w+\s+to\s+say|declin\w+\s+to\s+say|"
    r"pressure|calls?\s+to|calls?\s+for|demand\w*|fear\w*|warn\w*|threat\w*|in\s+case|once|until|"
    r"asked\s+(?:allies|partners)|urg\w+|press(?:ed|es|ing)?\s+(?:for|to|allies)|"
    r"push(?:ed|es|ing)?\s+(?:for|to|allies)|lobby\w*|should|must|question\s+of|debate\s+over|"
    r"has\s+to|have\s+to|negotiat\w+|(?:which|what)\s+weapons|told\s+(?:allies|partners)\s+to|"
    r"claims?|posts|alleg\w+|purported\w*)\b",
    _I,
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|confirmed|stated|declared|insisted|wrote)\b", _I
)
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|announced|confirmed|stated|declared|decided|told)\b[^.]{0,60}\bwould\b", _I
)
NEGATION_BEFORE = re.compile(r"\b(?:not|never|n['’]t|no\s+longer)\s+(?:\w+\s+){0,2}$", _I)
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|dismisses|rejected)\s+(?:\w+\s+){0,3}(?:reports?|claims?|that|suggestions?)"
    r"|\b(?:policy|position|stance|approach)\s+(?:had|has|have)\s+not\s+changed|\b(?:policy|position|stance)\s+(?:hasn['’]t|hadn['’]t)\s+changed"
    r"|\bno\s+change\s+in\s+(?:the\s+|its\s+|our\s+)?(?:policy|position|stance)"
    r"|\bnot\s+(?:yet\s+)?(?:been\s+)?officially\s+confirmed|\bhas\s+not\s+(?:yet\s+)?been\s+confirmed"
    r"|\b(?:declined|refused)\s+to\s+confirm|\bwould\s+not\s+confirm|\bnothing\s+has\s+changed",
    _I,
)
ASKED = re.compile(r"^\W*(?:When\s+)?asked\b[^,]*?\b(?:whether|if|about)\b", _I)
_ANSWER = re.compile(
    r",\s+(?=(?:[^,]*?\b(?:said|replied|answered|stated|told|responded|insisted|declared|wrote|added|says)\b))",
    _I,
)

# The answer to an "Asked whether ..." question, when it is a bare yes or no.
_YES = re.compile(
    r"(?:^|\b(?:said|replied|answered|responded|says|replies|answers)\b[^.;,]{0,12}?)\W*"
    r"(?:yes|yeah|absolutely|of\s+course|certainly|definitely)\b",
    _I,
)
_NO = re.compile(
    r"(?:^|\b(?:said|replied|answered|responded|says|replies|answers)\b[^.;,]{0,12}?)\W*"
    r"(?:no|not\s+at\s+all|certainly\s+not|absolutely\s+not)\b(?!\s+(?:one|longer|doubt))",
    _I,
)


def answer(text: str, floor: int, article_topical: bool) -> tuple[PolicyAction, int, int] | None:
    """The decision a bare yes or no gives to an "Asked whether Ukraine may ..." question."""
    question = text[:floor]
    if not floor or not is_topical(question + " weapons", article_topical):
        return None
    reply = text[floor:]  # sliced so that "^" means the start of the answer
    yes, no = _YES.search(reply), _NO.search(reply)
    if yes is not None and (no is None or yes.start() < no.start()):
        limited = bool(LIMITS.search(text))
        action = PolicyAction.EASED if limited else PolicyAction.LIFTED
        return action, floor + yes.start(), floor + yes.end()
    if no is not None:
        return PolicyAction.MAINTAINED, floor + no.start(), floor + no.end()
    return None


_HEARSAY = re.compile(
    r"\b(?:posts?|rumou?rs?|social\s+media|users|bloggers|accounts|screenshots?)\b[^.;]{0,80}?"
    r"\b(?:say|says|said|claim|claims|claimed|suggest|suggests|suggested)\b",
    _I,
)
_DOUBT = re.compile(r"\b(?:might|if|whether|how)\s+(?:\S+\s+){0,3}$", _I)
# "a step Ukraine had been pressing for": Ukraine asking is not an ally's advocacy.
_UKRAINE_SUBJECT = re.compile(
    r"\b(?:Ukraine|Kyiv|Kiev|Zelensk\w*|Ukrainians|Ukrainian\s+(?:officials|leaders|government|"
    r"ministers?|diplomats?|negotiators|delegation|president|commanders|generals|counterparts|"
    r"hosts|side|troops|soldiers|forces|lawmakers|MPs))"
    r"\s+(?:(?:had|has|have|was|were|is|are|been|also|long|repeatedly|still)\s+){0,3}$"
)


# "MPs have urged the Government to ...": pressure at home is not the country's advocacy.
_DOMESTIC_VOICES = re.compile(
    r"\b(?:MPs|lawmakers|legislators|senators|congressmen|congresswomen|members\s+of\s+(?:parliament|"
    r"congress|the\s+\w+)|backbenchers|critics|analysts|experts|commentators|pundits|"
    r"think[- ]tanks?|some\s+in|others\s+in|voices\s+in|many\s+in|parts\s+of)\b"
    r"(?:\s+(?!(?:said|says)\b)\S+){0,6}\s*$",
    _I,
)


# "how Ukraine may use", "what they may be used against"; not ", when X said" (a time).
_OPEN_QUESTION = re.compile(
    r"\b(?:how|where|(?<!, )when|what|which\s+targets)\s+(?:\S+\s+){0,3}$", _I
)


def _own_clause(window: str) -> str:
    """The part of `window` after a relative clause opens (", which still refuses ...")."""
    cut = max(window.rfind(", which "), window.rfind(", who "))
    return window[cut + 2 :] if cut >= 0 else window


def question_clause_end(text: str) -> int:
    """Where the answer starts in "Asked whether ..., X said ..." (0 when not such a sentence)."""
    if not ASKED.match(text):
        return 0
    answer = _ANSWER.search(text)
    return answer.end() if answer else 0


def is_topical(text: str, article_topical: bool) -> bool:
    """Whether a sentence is about using supplied weapons against targets in Russia."""
    if TARGET.search(text):
        return bool(
            WEAPONS.search(text)
            or RESTRICTION.search(text)
            or LIFT.search(text)
            or ASKED.match(text)
        )
    return article_topical and bool(RESTRICTION.search(text)) and bool(WEAPONS.search(text))


def is_hypothetical(text: str, cue_start: int, floor: int) -> bool:
    """A cue is hypothetical when a modal or request word comes before it in its clause."""
    window = text[max(floor, cue_start - 90) : cue_start]
    if re.search(r"\bto\s+$", window) and not re.search(
        r"\b(?:decided|agreed|voted|moved|began|chose|opted|directed|instructed|ordered)\s+"
        r"(?:\w+\s+){0,2}to\s+$|\b(?:first|second|third|last|latest|only|next|newest)\s+"
        r"(?:\w+\s+){0,2}to\s+$|\b(?:decision|move|order|choice)\s+(?:\S+\s+){0,3}to\s+$",
        window,
        _I,
    ):
        return True  # "to lift the ban is not even a subject of discussion"
    if _HEARSAY.search(text, floor, cue_start):
        return True  # "Posts shared online say that Italy now allows ...": a claim, not a decision
    if _OPEN_QUESTION.search(window):
        return True  # "the rules on how Ukraine may use ...": a question, not a decision
    cut = max(
        window.rfind(";"),
        window.rfind(" but "),
        window.rfind(" while "),
        window.rfind(" – "),
        window.rfind(" since "),
    )
    if cut >= 0:
        window = window[cut:]
    speech = list(_SPEECH.finditer(window))
    if speech:  # only the reported clause counts: "as troops pushed in, X said Canada places no"
        window = window[speech[-1].end() :]
    if not HYPOTHETICAL.search(window):
        return False
    return not _REPORTED_FUTURE.search(window)


def actions_in(
    text: str, floor: int, article_topical: bool, article_long_range: bool = False
) -> list[tuple[PolicyAction, int, int]]:
    """(action, start, end) for every decision cue in the sentence text, positions in `text`."""
    found: list[tuple[PolicyAction, int, int]] = []
    named_missile = article_long_range and re.search(r"\bmissiles?\b", text, _I)
    if not (article_topical or is_topical(text, False) or LONG_RANGE.search(text) or named_missile):
        return found  # (a refusal of "the missile" an article on Taurus named before still counts)
    topical = is_topical(text, article_topical)
    weapons = bool(WEAPONS.search(text))
    area = re.search(
        r"\b(?:border|kharkiv|russian\s+(?:forces|troops|units|positions)|ukrainian\s+territory|"
        r"its\s+own\s+borders|(?:inside|within)\s+ukraine)\b",
        text,
        _I,
    )
    decisions_ok = (
        topical or weapons or bool(area) or (article_topical and bool(TARGET.search(text)))
    )
    advocacy_ok = topical or bool(RESTRICTION.search(text)) or bool(TARGET.search(text))
    refusal_ok = bool(LONG_RANGE.search(text)) or (
        article_long_range and bool(re.search(r"\bmissiles?\b", text, _I))
    )
    taken: list[tuple[int, int]] = []

    def names_limit(m: re.Match[str]) -> bool:  # "set no restrictions", "no plans to lift its ban"
        return article_topical and bool(RESTRICTION.search(text[m.start() : m.end() + 25]))

    def free(m: re.Match[str]) -> bool:
        return m.start() >= floor and not any(s < m.end() and m.start() < e for s, e in taken)

    for m in REFUSE.finditer(text):
        if (
            free(m)
            and refusal_ok
            and not HYPOTHETICAL.search(_own_clause(text[max(floor, m.start() - 40) : m.start()]))
        ):
            found.append((PolicyAction.REFUSED, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if not article_topical and not is_topical(text, False):
        return sorted(found, key=lambda f: f[1])  # a Taurus refusal stands on its own
    for m in MAINTAIN.finditer(text):
        doubt = _DOUBT.search(_own_clause(text[max(floor, m.start() - 30) : m.start()]))
        if free(m) and (decisions_ok or names_limit(m)) and not doubt:
            found.append((PolicyAction.MAINTAINED, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in ADVOCATE.finditer(text):
        same_call = re.search(
            r"same\s+(?:call|argument|case)|repeat\w*\s+the\s+call", m.group(0), _I
        ) or (  # "in favour of Stoltenberg's request": the request was about the restrictions
            re.search(r"in\s+favou?r\s+of", m.group(0), _I)
            and re.search(r"\b(?:call|request|proposal|appeal|idea)\b", text, _I)
        )
        ukraine_asks = not re.match(r"should|must|ought", m.group(0), _I) and (
            _UKRAINE_SUBJECT.search(text[max(floor, m.start() - 40) : m.start()])
        )
        voices = _own_clause(text[max(floor, m.start() - 70) : m.start()])
        domestic = _DOMESTIC_VOICES.search(voices)
        if free(m) and (advocacy_ok or same_call) and not ukraine_asks and not domestic:
            found.append((PolicyAction.ADVOCATED, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if not decisions_ok and not (article_topical and RESTRICTION.search(text)):
        return sorted(found, key=lambda f: f[1])
    lifts = [m for m in EASE_VERB.finditer(text) if free(m)]
    lifts += [m for m in LIFT.finditer(text) if free(m)]
    if not decisions_ok:  # in an article on the topic, "set no restrictions" speaks for itself
        lifts = [m for m in lifts if names_limit(m)]
        if not lifts:
            return sorted(found, key=lambda f: f[1])
    if not lifts and not found:
        lifts = [m for m in WEAK_LIFT.finditer(text) if free(m)]
    eased = bool(EASE_VERB.search(text))
    for m in lifts:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if "yes" not in m.group(0).lower() and is_hypothetical(text, m.start(), floor):
            continue
        if NEGATION_BEFORE.search(text[max(floor, m.start() - 25) : m.start()]) and not re.match(
            r"no\b|not\b|without", m.group(0), _I
        ):
            found.append((PolicyAction.MAINTAINED, m.start(), m.end()))
        else:
            speech = [s.end() for s in _SPEECH.finditer(text, floor, m.start())]
            limited = eased or bool(LIMITS.search(text, speech[-1] if speech else floor))
            action = PolicyAction.EASED if limited else PolicyAction.LIFTED
            found.append((action, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    if not found:
        replied = answer(text, floor, article_topical)
        found += [replied] if replied else []
    found.sort(key=lambda f: f[1])
    return found
