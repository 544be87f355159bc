"""Text normalization used to recognise the same article received twice."""

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Characters that show nothing: zero-width spaces and joiners, the word joiner, a BOM inside the
# text, the soft hyphen. CMS copies sprinkle them; they never make two texts different.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def visible(text: str) -> str:
    """The text without its invisible characters."""
    return INVISIBLE.sub("", text)


def has_words(text: str) -> bool:
    """Whether the text holds at least one letter or digit (not only spaces and punctuation)."""
    return any(ch.isalnum() for ch in text)


def normalized_text(body: str) -> str:
    """NFC-normalized visible text with runs of whitespace collapsed and the ends trimmed."""
    return _WHITESPACE.sub(" ", visible(unicodedata.normalize("NFC", body))).strip()


def content_hash(body: str) -> str:
    """SHA-256 hex digest of the normalized text."""
    return hashlib.sha256(normalized_text(body).encode("utf-8")).hexdigest()
