"""Cue patterns for decisions on using supplied weapons against targets on Russian territory."""

import re

from db.enums import PolicyAction

_I = re.I

# Does the sentence talk about striking Russia with supplied weapons?
TARGET = re.compile(
    r"russian\s+(?:territory|soil|targets?|land|airspace|air\s*bases?|airfields?|border\s+regions?|"
    r"regions?|military\s+(?:targets?|sites?|objects?|facilities|installations))"
    r"|\b(?:in|inside|into|within|on|deep\s+into|across|against|hit|strike|attack|at)\s+russia\b(?![a-z])"
    r"|russia\s+(?:itself|proper)|territory\s+of\s+the\s+russian\s+federation|russian\s+federation['’]s\s+territory"
    r"|(?:enemy|aggressor)['’]s\s+(?:own\s+)?(?:territory|soil)|across\s+the\s+border|cross-border"
    r"|territory\s+of\s+the\s+(?:aggressor|enemy|attacker)"
    r"|beyond\s+ukraine['’]s\s+(?:borders|territory)|\b(?:kursk|belgorod|bryansk)\b"
    r"|russian\s+side\s+of\s+the\s+border|(?:places|sites|bases|airfields|positions)\s+"
    r"(?:from\s+which|where)\s+russia"
    # "the sites from which missiles are fired at it": where the attacks on Ukraine start
    r"|(?:places|sites|bases|airfields|positions|launchers|pads)\s+(?:\S+\s+){0,2}?(?:from\s+which|"
    r"whence)\s+(?:\S+\s+){0,3}?(?:(?:is|are|was|were|being)\s+)?(?:fired|launched|attacked|"
    r"shelled|struck|hit|fly|take\s+off)\b"
    # "may only be used inside Ukraine": the limit on where supplied weapons may strike
    r"|\b(?:only|exclusively|solely|must\s+be|are\s+to\s+be|is\s+to\s+be)\s+(?:be\s+)?"
    r"(?:used?|utili[sz]ed|employed|deployed|operated)\s+(?:only\s+)?(?:on|within|inside|in|over)\s+"
    r"(?:the\s+)?(?:ukrainian\s+(?:territory|soil|airspace)|ukraine\b|its\s+own\s+(?:territory|soil))"
    r"|\b(?:used?|utili[sz]ed|employed|deployed|operated)\s+(?:only|exclusively|solely)\s+(?:on|within|"
    r"inside|in|over)\s+(?:the\s+)?(?:ukrainian\s+(?:territory|soil|airspace)|ukraine\b)",
    _I,
)
RESTRICTION = re.compile(
    r"\b(?:restrictions?|restricted|limits?|limitations?|curbs?|caveats?|constraints?|ban|bans|"
    r"banned|banning|veto|red\s+lines?|permission|green\s+light|go-ahead|prohibit\w*|carte\s+blanche|restrict|"
    r"conditions?|how\s+(?:ukraine|kyiv)\s+(?:uses|can\s+use|may\s+use))\b",
    _I,
)
WEAPONS = re.compile(
    r"\b(?:weapons?|arms|armaments?|missiles?|munitions|rockets?|long-range|materi[ae]l|equipment|jets?|"
    r"F-16s?|systems|launchers|artillery|ATACMS|Storm\s+Shadows?|Taurus|SCALP|HIMARS|aircraft|"
    r"what\s+\w+\s+has\s+(?:donated|supplied|sent|given))\b",
    _I,
)
LONG_RANGE = re.compile(
    r"\blong-range|\bATACMS\b|Storm\s+Shadow|\bTaurus\b|\bSCALP\b|deep\s+(?:inside|into|within)", _I
)
# A missile named as the thing supplied or withheld.
NAMED_MISSILE = re.compile(r"\b(?:ATACMS|Storm\s+Shadows?|Taurus|SCALP|Tomahawks?)\b", _I)

_V = (
    r"(?:use|strike|hit|attack|fire|target|launch|deploy|employ|act|conduct|carry\s+out|"
    r"neutrali[sz]e|shoot|utili[sz]e|decide)"
)
LIFT = re.compile(
    r"\blift(?:ed|s)?\s+(?:(?:its|the|their|his|her|all|any|remaining|a|those|these)\s+)*"
    r"(?:\S+\s+)?(?:veto|ban|restrictions?|limits?|limitations?|curbs?|caveats?|prohibition)"
    r"|\b(?:gave|given|give|gives)\s+(?:\w+\s+){0,3}(?:a\s+|the\s+)?green\s+light|\bgreen-?lit\b|\bgreen-?light(?:ed|s)\b"
    r"|\blet(?:s)?\s+(?:ukraine|kyiv|kiev|the\s+ukrainians|ukrainian\s+(?:forces|troops|pilots))\s+"
    + _V
    + r"|\bensure\s+(?:that\s+)?\w+\s+(?:can|could|is\s+able\s+to)\s+use"
    r"|\b(?:said|says|saying|announced|confirmed|agreed)\s+(?:that\s+)?(?:\w+\s+){0,2}(?:could|can)\s+"
    + _V
    + r"|\bpermission\s+for\s+(?:ukraine|kyiv|kiev)\s+to\s+"
    + _V
    + r"|\b(?:recogni[sz]ed|granted|gave|given|affirmed|acknowledged)\s+(?:\S+\s+){0,4}"
    r"(?:the\s+)?right\s+to\s+"
    + _V
    + r"|\b(?:will|would|does|do)\s+not\s+(?:impose|set|place|attach)\s+(?:any\s+)?"
    r"(?:restrictions|limits|limitations|conditions|caveats)"
    r"|\bnever\s+(?:placed|imposed|set|attached|put)\s+(?:any\s+)?(?:\S+\s+)?"
    r"(?:restrictions?|limits?|limitations?|caveats?|conditions)"
    r"|\b(?:allow|permitt?|authori[sz]|approv|clear|sanction)(?:ing|ed|es|s|e)?\s+(?:\S+\s+){0,3}?"
    r"(?:strikes|attacks|the\s+use|their\s+use|its\s+use)\b"
    r"|\b(?:allow|permit|authori[sz]|cleared|let)(?:ed|s|e|es|ted)?\s+(?:\w+\s+){0,4}?to\s+"
    + _V
    + r"|\b(?:no|not\s+(?:subject\s+to\s+)?any|without(?:\s+any)?|not\s+set\s+any|set\s+no)"
    r"\s+(?:\S+\s+)?(?:restrictions?|limits?|limitations?|caveats|conditions)\b"
    r"|\bno\s+longer\s+(?:object|oppose|restrict|insist|bar|limit)"
    r"|\b(?:will|would|does|do)\s+not\s+(?:object|limit|restrict)|\b(?:won['’]t|doesn['’]t|don['’]t)\s+(?:object|limit|restrict)"
    r"|\bno\s+objections?\b|\bno\s+problem\s+with\b"
    r"|\b(?:may|can|could\s+now|is\s+free\s+to|are\s+free\s+to|(?:is|are|was|were)\s+(?:now\s+)?(?:allowed|permitted|authori[sz]ed|cleared)\s+to|will\s+be\s+able\s+to|now\s+able\s+to|(?:is|are|was|were)\s+entitled\s+to)\s+"
    + _V
    + r"|\bas\s+(?:it|they|kyiv|ukraine)\s+sees?\s+fit|\bin\s+the\s+manner\s+it\s+considers"
    r"|\b(?:removed|dropped|scrapped|abandoned)\s+(?:\w+\s+){0,3}(?:restrictions?|objections?|ban|limits|caveats|opposition|veto)"
    r"|\bsigned\s+off\s+on|\bapprov(?:ed|es|al\s+of)\s+(?:\S+\s+){0,3}(?:strikes|the\s+use|request)"
    r"|\bshort\s+answer\s+is\s+yes\b"
    # the weapons as the subject: "the jets it sends may be used against targets in Russia"
    r"|\b(?:may|can|could\s+now|are\s+free\s+to|(?:is|are)\s+allowed\s+to)\s+(?:now\s+|also\s+)?be\s+"
    r"(?:used|fired|launched|employed|deployed)\s+(?:\S+\s+){0,2}?(?:against|on|in|inside|into|at|"
    r"to\s+(?:strike|hit|attack|target))\b"
    # "announced a similar, Kharkiv-focused permission for German weapons"
    r"|\b(?:announced|issued|confirmed|extended)\s+(?:a|an|its|the|their)\s+(?:\S+\s+){0,3}?"
    r"(?:permission|authori[sz]ation|go-ahead|green\s+light|waiver)\s+(?:for|to)\b"
    r"|\b(?:gave|given|give|gives|granted|grants)\s+(?:\S+\s+){0,3}(?:the\s+)?(?:go-ahead|nod|blessing)"
    r"|\bno\s+longer\s+(?:prevent|stop|block|stand\s+in\s+the\s+way)"
    r"|\b(?:is|was|are|were)\s+(?:now\s+)?(?:allowing|permitting|authori[sz]ing)\s+(?:\S+\s+){0,3}to\s+"
    + _V
    + r"|\b(?:may|can)\s+(?:now|also|already)\s+"
    + _V
    + r"|\b(?:does|do)\s+not\s+oppose|\bdoesn['’]t\s+oppose"
    r"|\b(?:permitted|authori[sz]ed|allowed|approved|sanctioned|okayed|ok['’]d|cleared)\s+"
    r"(?:the\s+)?use\s+of"
    r"|\b(?:consent(?:ed|s)?|agreed|agrees)\s+to\s+(?:ukraine|kyiv|kiev|ukrainian\s+\w+)\s+"
    r"(?:using|striking|hitting|firing|attacking|targeting)\b"
    r"|\bauthori[sz]ed\s+(?:\S+\s+){0,3}strikes"
    r"|\b(?:gave|given|granted)\s+(?:\S+\s+){0,2}permission"
    r"|\b(?:go-ahead|green\s+light|blessing)\s+from\b"
    r"|\b(?:gave|given|granted|give|gives|grants)\s+(?:\S+\s+){0,4}?(?:consent|permission|approval|"
    r"authori[sz]ation)\s+(?:for|to)\b"
    r"|\b(?:(?:does|do|did|will|would)\s+not|doesn['’]t|don['’]t|won['’]t)\s+(?:forbid|prohibit|"
    r"bar|prevent|stop)\s+(?:ukraine|kyiv|kiev|the\s+ukrainians|ukrainian\s+\w+)\b"
    r"|\b(?:permission|go-ahead|green\s+light|approval)\b[^.;]{0,100}?\b(?:was|were|has\s+been|"
    r"had\s+been)\s+(?:\w+\s+)?(?:granted|given)",
    _I,
)
WEAK_LIFT = re.compile(
    r"\b(?:has|have|had)\s+(?:a\s+|the\s+)?(?:\w+\s+){0,3}right\s+(?:under\s+\w+\s+\w+\s+)?to\s+"
    r"(?:defend|strike|hit|use|act|decide)",
    _I,
)
EASE_VERB = re.compile(
    r"\b(?:partially|partly)\s+(?:lift|eas|loosen|relax)\w*|\bpartial\s+(?:lifting|easing)"
    # "the permission applied wherever Russian forces attack": a wider scope for a permission
    r"|\b(?:permission|authori[sz]ation|go-ahead|green\s+light|waiver)\s+(?:\w+\s+)?(?:applied|"
    r"applies|extends?|extended|covers?|covered|stretched|widened|expanded)\s+(?:\w+\s+)?(?:to\s+)?"
    r"(?:wherever|anywhere|any|all|other|beyond|further)\b"
    r"|\b(?:widened|expanded|extended|broadened|stretched)\s+(?:\w+\s+){0,3}(?:permission|authori[sz]ation|"
    r"go-ahead|green\s+light|waiver)"
    r"|\b(?:eased|eases|easing|loosened|loosens|relaxed|relaxes|softened|adjusted|narrowed)\s+(?:\w+\s+){0,3}(?:restrictions?|ban|limits|rules|policy|curbs|veto|stance|position)",
    _I,
)
LIMITS = re.compile(
    r"\b(?:partial(?:ly)?|only|solely|exclusively|limited|specific(?:ally)?|narrow(?:ly)?|counter-?fire|"
    r"counter-?attacks?|border\s+areas?|near\s+(?:the\s+)?(?:border|kharkiv)|close\s+to\s+the\s+border|"
    r"just\s+across\s+the\s+border|across\s+the\s+border|russian\s+side|kharkiv|sumy|kursk|"
    r"restricted\s+to|limited\s+to|but\s+not|except|excluding|atacms|army\s+tactical\s+missile|"
    r"storm\s+shadow|scalp)\b",
    _I,
)
MAINTAIN = re.compile(
    r"\bmaintain(?:s|ed|ing)?\s+(?:\w+\s+){0,2}(?:ban|restrictions?|veto|limits|prohibition|position|policy|stance|line)"
    r"|\b(?:remains?|remained|stays?|stayed|is\s+still|are\s+still)\s+(?:\w+\s+)?(?:unchanged|in\s+place|in\s+force|restricted|prohibited|banned|off-limits|off\s+the\s+table)"
    r"|\b(?:policy|position|stance|rules?|restrictions?|ban|line|approach|guidance|limits|decision)"
    r"\s+(?:\S+\s+){0,10}?[\"“‘]?(?:(?:has|had|have)\s+not\s+(?:been\s+)?changed|(?:hasn['’]t|hadn['’]t|"
    r"haven['’]t)\s+changed)(?!\s+(?:the|a|an|that|its|their|his|her)\b)"
    r"|\bunchanged\b|\bno\s+change\b|\bnothing\s+(?:has\s+|had\s+)?changed"
    r"|\b(?:still|continues?\s+to|continued\s+to)\s+(?:\w+\s+)?(?:bans?|bars?|prohibits?|opposes?|rules?\s+out|restricts?|does\s+not\s+allow|won['’]t\s+allow|limits?)"
    r"|\b(?:does|do|did)\s+not\s+support\s+(?:long-range|strikes|the\s+use|using|allowing|lifting)"
    r"|\b(?:will|would|does|did|do|could)\s+not\s+(?:allow|permit|authori[sz]e|lift|change|let|agree)|\b(?:won['’]t|doesn['’]t|didn['’]t|don['’]t)\s+(?:allow|permit|lift|let|authori[sz]e)"
    r"|\b(?:not|never)\s+(?:be\s+)?(?:allowed|permitted|able|authori[sz]ed)\s+to\s+"
    + _V
    + r"|\b(?:used?|using|fly|operate|stay|deployed)\s+(?:\S+\s+){0,7}?(?:only\s+)?"
    r"(?:on|within|inside|over)\s+(?:ukrainian|ukraine['’]s)\s+(?:own\s+)?(?:territory|soil|airspace)"
    r"|\btied\s+(?:\w+\s+){0,4}to\s+ukrainian\s+(?:territory|soil)"
    r"|\bnot\s+(?:been\s+|be\s+)?(?:lifted|eased|relaxed)"
    r"|\b(?:(?:only|must|to)\s+be\s+|only\s+)(?:used?|utili[sz]ed|employed)\s+(?:\S+\s+){0,6}?"
    r"(?:only\s+)?(?:on|within|inside|in)\s+(?:the\s+)?"
    r"(?:ukrainian\s+territory|ukraine['’]s\s+(?:own\s+)?(?:territory|borders|soil)|ukraine\b|"
    r"its\s+own\s+(?:territory|borders))"
    r"|\b(?:used?|utili[sz]ed|employed)\s+(?:\S+\s+){0,6}?(?:only\s+)?(?:on|within|inside)\s+(?:the\s+)?"
    r"(?:ukrainian\s+territory|ukraine['’]s\s+(?:own\s+)?(?:territory|borders|soil)|ukraine\b|"
    r"its\s+own\s+(?:territory|borders))"
    r"|\b(?:cannot|can\s*not|may\s+not|must\s+not|not\s+be)\s+(?:be\s+)?(?:used|utili[sz]ed|employed)\s+"
    r"outside"
    r"|\brul(?:ed|es|e|ing)\s+out\s+(?:allowing|lifting|letting|permitting|any\s+change)"
    r"|\brefus(?:ed|es|e|ing)\s+to\s+(?:allow|let|permit|lift|authori[sz]e|change)"
    r"|\breject(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:calls?|demands?|requests?|pressure)\s+to\s+(?:lift|allow|ease|let)"
    r"|\boppos(?:ed|es|e|ing)\s+(?:to\s+)?(?:lifting|allowing|easing|letting)"
    r"|\b(?:keeps?|kept|keeping)\s+(?:its|the|their)\s+(?:\S+\s+)?(?:ban|restrictions?|veto|limits|caveats)"
    r"|\b(?:ban|restrictions?|limits|prohibition|veto)\b[^.;]{0,60}?\b(?:still\s+)?(?:stands|applies|"
    r"holds|remains|remain)\s*(?:[.;,]|$)"
    r"|\bremains?\s+opposed|\bdeclin(?:ed|es|e|ing)\s+to\s+(?:lift|allow|change|ease|loosen)"
    r"|\bno\s+(?:plans?|intention|intentions)\s+(?:\w+\s+)?to\s+(?:lift|ease|loosen|change|allow|"
    r"relax|drop|remove)"
    r"|\bstick(?:s|ing)?\s+(?:to|with|by)\s+(?:its|the|their)\s+(?:position|policy|line|restrictions?|ban)",
    _I,
)
REFUSE = re.compile(
    r"\b(?:refus|declin)(?:ed|es|e|ing)\s+to\s+(?:send|supply|deliver|provide|give|transfer|hand\s+over)"
    r"|\b(?:will|would|does|did)\s+(?:still\s+|also\s+|again\s+|simply\s+)?not\s+(?:send|supply|deliver|provide|give)|\bwon['’]t\s+(?:send|supply|deliver|provide|give)"
    r"|\brul(?:ed|es|e|ing)\s+out\s+(?:sending|supplying|delivering|providing|giving)"
    r"|\breject(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:requests?|calls?|demands?|pleas?)\s+(?:for|to\s+(?:send|supply|deliver|provide))"
    r"|\bno\s+(?:plans?|intention)\s+to\s+(?:send|supply|deliver|provide)"
    r"|\b(?:blocked|vetoed)\s+(?:the\s+)?(?:delivery|transfer|export|supply)"
    r"|\bnot\s+going\s+to\s+(?:send|supply|deliver)|\bsaid\s+no\s+to\b"
    r"|\boppos(?:ed|es|e|ing)\s+(?:sending|supplying|delivering|providing)"
    r"|\bdeclin(?:ed|es|e|ing)\s+(?:\S+\s+){0,2}requests?\b"
    r"|\bturn(?:ed|s|ing)?\s+down\s+(?:\S+\s+){0,3}(?:requests?|pleas?|calls?|appeals?)\s+for"
    r"|\breject(?:ed|s|ing)?\s+(?:sending|supplying|delivering|providing|giving)"
    r"|\banswer\s+(?:on|to)\s+(?:\S+\s+){1,4}(?:remains|is|was)\s+(?:a\s+)?(?:firm\s+)?no\b"
    r"|\brul(?:ed|es|e|ing)\s+(?:the\s+|it\s+|them\s+)(?:\w+\s+){0,2}out\b",
    _I,
)
ADVOCATE = re.compile(
    r"\burg(?:ed|es|e|ing)\b|\bcall(?:ed|s|ing)?\s+(?:on|for|upon)\b"
    r"|\bcall(?:ed|s|ing)?\s+to\s+(?:lift|allow|ease|remove|drop|let)\b|\bpress(?:ed|es|ing)\s+(?:allies|partners|the|for|\w+\s+to)"
    r"|\bpush(?:ed|es|ing)?\s+(?:for|allies|partners)\b|\blobb(?:y|ied|ies|ying)\b|\bappeal(?:ed|s|ing)?\s+to\b"
    r"|\bin\s+favou?r\s+of\b|\badvocat\w+|\bargu(?:ed|es|e|ing)\s+(?:[^,.;]{0,30}?\s)?(?:that|for)\b"
    r"|\bmade\s+the\s+case\b"
    r"|\b(?:backed|backs|backing|supported|supports|supporting|endorsed|endorses|echoed)\s+(?:\w+\s+){0,3}(?:calls?|requests?|lifting|allowing|appeals?|proposal|idea)"
    r"|\bshould\s+(?!be\s+(?:expected|noted|seen|read|understood|taken|clear)\b)(?:be\s+)?"
    r"(?:allowed|able|free|permitted|stop|not|let|lift|reconsider|be|have|drop|remove|ease|allow)"
    r"|\bmust\s+(?:be\s+)?(?:allowed|able|free|permitted|let|lift|stop|allow)|\bought\s+to\b|\bencourag(?:ed|es|e|ing)\s+(?:allies|partners|others)"
    r"|\btime\s+(?:had|has)\s+come\s+for|\bmoment\s+(?:had|has)\s+(?:come|arrived)\s+for"
    r"|\b(?:allies|partners|the\s+west|countries)\s+(?:should|must|need\s+to|ought\s+to)\b"
    r"|\b(?:told|wants?|wanted|asked|asks)\s+(?:allies|partners|the\s+west)\s+to\b|\bmade\s+the\s+same\s+(?:call|argument|case)"
    r"|\brepeat(?:ed|s)?\s+the\s+call|\bechoed\b"
    r"|\b(?:reconsider|rethink|revisit)\s+(?:the\s+|their\s+|its\s+)?(?:limits|restrictions|curbs|caveats|ban|rules)",
    _I,
)
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
