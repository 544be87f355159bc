"""Text normalization used to recognise the same article received twice."""

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalized_text(body: str) -> str:
    """NFC-normalized text with runs of whitespace collapsed and the ends trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", body)).strip()


def content_hash(body: str) -> str:
    """SHA-256 hex digest of the normalized text."""
    return hashlib.sha256(normalized_text(body).encode("utf-8")).hexdigest()
