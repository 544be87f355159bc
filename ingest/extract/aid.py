"""Cue patterns for aid packages to Ukraine: which amounts are a package, and which are not."""

import re

from db.enums import AidKind
from ingest.extract.money import Money

_I = re.I

AID_CUE = re.compile(
    r"\b(?:aid|assistance|package|tranche|pledg\w*|donat\w*|grant\w*|support|funding|fund|loan|"
    r"contribut\w*|commit\w*|allocat\w*|earmark\w*|worth|weapons|arms|ammunition|shells|"
    r"air[- ]defen[cs]e|"
    r"provid\w*|send(?:s|ing)?|sent|deliver\w*|suppl(?:y|ies|ied|ying)|give|gives|giving|gave|"
    r"announc\w*|approv\w*|unveil\w*|military|equipment|drones?|framework|procure\w*|purchase\w*|buy|"
    r"promis\w*|appropriat\w*|share\s+for\s+ukraine|drawdown|financ\w*)\b",
    _I,
)
# Amounts that are not one package: totals, budgets, economies, costs and other recipients.
TOTALS = re.compile(
    r"\b(?:so\s+far|to\s+date|in\s+total|total(?:led|ling|s)?|altogether|overall|cumulative\w*|"
    r"(?:earlier|previous|prior|past)\s+(?:\w+\s+)?packages|in\s+all|all\s+told|more\s+than\s+\d+\s+packages)\b",
    _I,
)
SINCE = re.compile(
    r"\bsince\s+(?:late\s+|early\s+)?(?:the\s+(?:start|beginning)|russia|20\d\d|february|the\s+full|the\s+invasion|the\s+war)",
    _I,
)
DISTRACTOR = re.compile(
    r"\b(?:gdp|gross\s+domestic|budget|economy|damage|losses|cost\s+of|reconstruction\s+needs|"
    r"own\s+(?:armed\s+forces|military|defen[cs]e|stocks|forces)|defen[cs]e\s+(?:plan|spending)|"
    r"market|revenue|(?:frozen|immobili[sz]ed|seized)\s+(?:russian\s+)?(?:central\s+bank\s+|sovereign\s+)?"
    r"assets|windfall|profits?|sanctions?|financed\s+from|"
    r"which\s+holds|brings\s+(?:\S+\s+){0,14}to)\b",
    _I,
)
CUMULATIVE_VERB = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}(?:sent|given|provided|delivered|transferred|donated|spent|"
    r"supplied|contributed|allocated|committed)\s+(?!(?:a\s+)?(?:further|new|another|additional|fresh)\b)"
    r"(?:\w+\s+){0,3}$",
    _I,
)
# A package that is not there yet: a bill under debate, a stalled request.
PENDING = re.compile(
    r"\b(?:expected\s+to\s+vote|stalled|pending|awaiting|if\s+(?:passed|approved)|proposed|"
    r"could\s+(?:provide|give|send)|under\s+discussion|stuck|held\s+up|blocked\s+in)\b",
    _I,
)
# Money said to go to one part of a package: "More than C$50 million goes to arms".
PART_AFTER = re.compile(r"^\s+(?:goes|go|went|is|are|was|were)\s+(?:to|for)\s+(?!ukrain|kyiv)", _I)
PART_BEFORE = re.compile(
    r"\b(?:raises|raise|increases|boosts|tops\s+up)\s+(?:\S+\s+){0,16}by\s+$"
    # "the package is part of a C$500 million commitment", "separate from the $50 billion loan":
    # a wider envelope or another scheme ("sends jets as part of a $1bn package" is the package)
    r"|\b(?:(?:is|are|was|were|forms?|formed)\s+(?:\w+\s+)?part\s+of|separate\s+from|distinct\s+from|apart\s+from|on\s+top\s+of|in\s+addition\s+to)"
    r"\s+(?:a|an|the|its|their|his|her)\s+(?:\S+\s+){0,2}$",
    _I,
)
# "had earlier in the year earmarked NOK 4 billion": an earlier package, told as background.
EARLIER = re.compile(
    r"\b(?:had|has|have)\s+(?:\w+\s+)?(?:earlier\s+(?:in\s+the|this)\s+year|previously|already|"
    r"at\s+the\s+(?:start|beginning)\s+of\s+the\s+year)\s+(?:\w+\s+){0,3}$",
    _I,
)
# "£3bn a year": a yearly pledge, not a running total, whatever the tense.
YEARLY = re.compile(r"^\s*(?:a|per|each|every)\s+year\b|^\s*annually\b|^\s*a\s+year\b", _I)
OTHER_RECIPIENTS = re.compile(
    r"\b(?:Israel|Taiwan|Gaza|Moldova|Georgia|Armenia|Sudan|Yemen|Syria|Lebanon)\b"
)
UKRAINE = re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev)\b")
SUBPART = re.compile(
    r"\b(?:including|includes|of\s+which|comprising|among\s+them|consisting\s+of)\s+(?:\w+\s+){0,3}$",
    _I,
)
CONVERSION = re.compile(
    r"^\s*[(,]?\s*(?:or\s+)?(?:about|around|roughly|approximately|some|nearly|almost|equivalent\s+to|~)?\s*$",
    _I,
)
HUMANITARIAN = re.compile(
    r"\bhumanitarian\b|\brelief\b|\benergy\s+(?:aid|support)|\bwinter\w*\s+aid", _I
)
FINANCIAL = re.compile(
    r"\bbudget(?:ary)?\s+support|\bfinancial\s+(?:aid|support|assistance)|\bloans?\b|\bmacro-?financial|\bgrants?\b",
    _I,
)
MECHANISM = re.compile(
    r"\b(?:presidential\s+(?:drawdown|transfer)\s+authority(?:\s+for\s+military\s+support)?|PDA|"
    r"Ukraine\s+Security\s+Assistance\s+Initiative|USAI|European\s+Peace\s+Facility|EPF|"
    r"Czech\s+(?:ammunition\s+)?initiative|foreign\s+military\s+financing)\b",
    _I,
)
_COUNTRY_CURRENCY = {
    "SEK": "SE",
    "NOK": "NO",
    "DKK": "DK",
    "GBP": "GB",
    "CAD": "CA",
    "AUD": "AU",
    "JPY": "JP",
    "CHF": "CH",
    "PLN": "PL",
    "CZK": "CZ",
    "ISK": "IS",
    "NZD": "NZ",
}


def currency_country(currency: str) -> str | None:
    """The one country paying in this currency (None for USD, EUR and unknown crowns)."""
    return _COUNTRY_CURRENCY.get(currency)


def is_package(text: str, money: Money, sentence_start: int, amounts: list[Money]) -> bool:
    """Whether an amount reads as aid to Ukraine rather than a total or a distractor."""
    at = money.start - sentence_start
    before = text[max(0, at - 60) : at]
    if money.amount is None or money.amount < 100_000:
        return False
    if money.currency in ("RUB", "UAH"):
        return False
    earlier = [other for other in amounts if other.end <= money.start]
    if earlier and CONVERSION.match(text[earlier[-1].end - sentence_start : at]):
        return False  # "SEK 13.3 billion ($1.2 billion)": the same money converted
    if SUBPART.search(before) and earlier and money.start - earlier[-1].end < 120:
        return False
    if PART_AFTER.match(text[money.end - sentence_start :]) or PART_BEFORE.search(text[:at]):
        return False
    if PENDING.search(text):
        return False
    if not AID_CUE.search(text):
        return False
    end = money.end - sentence_start
    since = SINCE.search(text, max(0, at - 60), end + 60)
    if since and not re.search(r"\b(?:largest|biggest|first|most)\b", text[at : since.start()], _I):
        return False  # "since the invasion": a running total, unless "the largest since ..."
    if TOTALS.search(text[max(0, at - 80) : end + 40]):
        return False
    if EARLIER.search(before):
        return False
    yearly = YEARLY.match(text[end:])
    cumulative = (
        CUMULATIVE_VERB.search(before) and not re.search(r"\bto\s+$", before) and not yearly
    )
    # what follows the next amount in the sentence is about that amount, not this one
    after = min([end + 100] + [o.start - sentence_start for o in amounts if o.start > money.start])
    if DISTRACTOR.search(text[max(0, at - 80) : after]) or cumulative:
        return False
    return not (OTHER_RECIPIENTS.search(text) and not UKRAINE.search(text))


def aid_kind(text: str) -> AidKind:
    if HUMANITARIAN.search(text):
        return AidKind.HUMANITARIAN
    if FINANCIAL.search(text) and not re.search(
        r"\bmilitary|weapons|ammunition|air\s+defen", text, _I
    ):
        return AidKind.FINANCIAL
    return AidKind.MILITARY


# A delivery promised without an amount: "Germany will send Ukraine another Patriot system".
IN_KIND = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+going\s+to|plans?\s+to|intends?\s+to|(?:pledged|"
    r"promised|agreed|decided|committed|offered)\s+(?:on\s+\w+\s+)?to|(?:said|says|announced|"
    r"confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they|\w+)\s+would)\s+(?:also\s+|soon\s+|now\s+|shortly\s+)?"
    r"(?:send|deliver|supply|provide|give|donate|transfer|hand\s+over)\b"
    r"|\b(?:announced|pledged|promised|approved|unveiled|confirmed)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:\w+\s+)?(?:delivery|transfer|donation|supply|shipment)\s+of\b",
    _I,
)
MATERIEL = re.compile(
    r"\b(?:systems?|batter(?:y|ies)|launchers?|jets|aircraft|tanks|howitzers|missiles|"
    r"interceptors|shells|ammunition|vehicles|drones|helicopters|warships|boats)\b",
    _I,
)
_NOT_NEW = re.compile(
    r"\b(?:already|so\s+far|to\s+date|previously|earlier\s+this\s+year|in\s+total|all\s+told|"
    r"if|unless|whether|asked|request\w*|wants?|hopes?|could|might|may|should)\b",
    _I,
)


# Not goods: training, troops or money; a condition; or the rest of a package told before.
_NOT_GOODS = re.compile(
    r"\W*(?:\S+\s+){0,3}?(?:training|advice|instruction|instructors|troops|soldiers|personnel|"
    r"support|help|assistance|money|funding|funds|cash|loans?)\b",
    _I,
)
_CONDITION_OR_PART = re.compile(
    r"\b(?:if|unless|provided\s+that|once|as\s+soon\s+as|remaining|rest\s+of|as\s+part\s+of|"
    r"(?:from|under)\s+(?:the|a|its)\s+(?:\w+\s+)?(?:package|deal|agreement|pact))\b",
    _I,
)


def in_kind(text: str) -> re.Match[str] | None:
    """The delivery cue of a package promised without an amount, if the sentence has one."""
    cue = IN_KIND.search(text)
    if cue is None or text.rstrip().endswith("?") or not UKRAINE.search(text):
        return None
    if _NOT_NEW.search(text[: cue.end()]) or not MATERIEL.search(text, cue.end()):
        return None
    if _NOT_GOODS.match(text, cue.end()) or _CONDITION_OR_PART.search(text):
        return None
    return cue
