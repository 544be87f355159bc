"""Amounts of money in the shapes news copy uses: "$275 million", "€500m", "two billion dollars"."""

import dataclasses
import re
from decimal import Decimal, InvalidOperation

# Currency marks before the number. Longest first so "US$" wins over "$".
_PREFIX = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "NZ$": "NZD",
    "$": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "ISK": "ISK",
    "CHF": "CHF",
    "PLN": "PLN",
    "CZK": "CZK",
    "UAH": "UAH",
    "RUB": "RUB",
    "kr": "KR?",  # Scandinavian crowns; the donor's country decides which
}
# Currency words after the number. "KR?" is resolved later from the donor.
_SUFFIX = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "british pounds": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "swedish kronor": "SEK",
    "swedish krona": "SEK",
    "swedish crowns": "SEK",
    "kronor": "SEK",
    "krona": "SEK",
    "norwegian kroner": "NOK",
    "norwegian krone": "NOK",
    "norwegian crowns": "NOK",
    "danish kroner": "DKK",
    "danish krone": "DKK",
    "danish crowns": "DKK",
    "icelandic kronur": "ISK",
    "kroner": "KR?",
    "krone": "KR?",
    "crowns": "KR?",
    "czech korunas": "CZK",
    "czech koruna": "CZK",
    "czech crowns": "CZK",
    "korunas": "CZK",
    "koruna": "CZK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "złoty": "PLN",
    "złotys": "PLN",
    "yen": "JPY",
    "swiss francs": "CHF",
    "francs": "CHF",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "roubles": "RUB",
    "rubles": "RUB",
    **{
        code.lower(): code
        for code in (
            "USD",
            "EUR",
            "GBP",
            "SEK",
            "NOK",
            "DKK",
            "CHF",
            "PLN",
            "CZK",
            "CAD",
            "AUD",
            "JPY",
        )
    },
}
_SCALES = {
    "trillion": 10**12,
    "tn": 10**12,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}
_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}

_alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_WORDNUM = (
    rf"(?:(?:{_alt(_TENS)})(?:[\s-](?:{_alt(_UNITS)}))?|(?:{_alt(_UNITS)}))(?:\s+hundred)?"
    r"|half\s+an?|an?"
)
_SCALE = r"(?:trillion|billion|million|thousand|tn|bn|mln|mn|m|b|k)(?![A-Za-z])"
_PER_YEAR = re.compile(r"\s*(?:(?:a|per|each|every)\s+year|annually|a\s+year)\b", re.I)

MONEY = re.compile(
    rf"(?<![\w$€£])(?:(?P<cur>{_alt(_PREFIX)})\s?(?P<num>{_DIGITS})(?:[\s-]?(?P<scale>{_SCALE}))?"
    rf"|(?:(?P<num2>{_DIGITS})(?:[\s-]?(?P<scale2>(?i:{_SCALE})))?"
    rf"|(?P<num3>(?i:{_WORDNUM}))[\s-](?P<scale3>(?i:{_SCALE})))(?:\s+of)?\s+"
    rf"(?P<cur2>(?i:{_alt(_SUFFIX)}))(?![A-Za-z]))"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Money:
    """An amount in whole currency units; `currency` "KR?" means crowns of an unknown country."""

    start: int
    end: int
    text: str
    amount: Decimal | None
    currency: str
    per_year: bool = False

    @property
    def value(self) -> str:
        """The mention value: "USD 275000000"."""
        return f"{self.currency} {self.amount}" if self.amount is not None else self.currency


def _number(text: str) -> Decimal | None:
    text = text.strip().lower()
    if re.fullmatch(_DIGITS, text):
        if "," in text and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
            text = text.replace(",", ".")  # decimal comma: "13,3 billion"
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    words = text.replace("-", " ").split()
    if words[:1] == ["half"]:
        return Decimal("0.5")
    if words in (["a"], ["an"]):
        return Decimal(1)
    total = 0
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total *= 100
    return Decimal(total) if total else None


def find_money(text: str, offset: int = 0) -> list[Money]:
    """Every amount of money in `text` (offsets shifted by `offset`)."""
    found: list[Money] = []
    for match in MONEY.finditer(text):
        has_scale = match.group("scale") or match.group("scale2") or match.group("scale3")
        raw = match.group("num") or match.group("num2") or match.group("num3") or ""
        if match.group("num2") and not re.match(r"\d", raw) and not has_scale:
            continue  # "a dollar", "two euros": not an amount anyone reports as aid
        currency_text = match.group("cur") or match.group("cur2") or ""
        currency = _PREFIX.get(currency_text) or _SUFFIX.get(currency_text.lower(), "USD")
        number = _number(raw)
        scale = _SCALES[has_scale.lower()] if has_scale else 1
        amount = (number * scale).to_integral_value() if number is not None else None
        per_year = bool(_PER_YEAR.match(text, match.end()))
        found.append(
            Money(
                offset + match.start(),
                offset + match.end(),
                match.group(0),
                amount,
                currency,
                per_year,
            )
        )
    return found


CROWNS = {"NO": "NOK", "DK": "DKK", "SE": "SEK", "IS": "ISK", "CZ": "CZK"}


def resolve_currency(currency: str, country: str | None) -> str | None:
    """Crowns take the currency of the country paying them; unknown otherwise."""
    if currency != "KR?":
        return currency
    return CROWNS.get(country or "")
