"""Cue patterns for decisions on using supplied weapons against targets on Russian territory."""

import re

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
