"""Article intake: what was sent, validated and normalized (the body as it will be stored)."""

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from db.fuzzy_date import FuzzyDate
from ingest.normalize import has_words, visible

DEFAULT_MAX_ARTICLE_CHARS = 200_000
FIELDS = ("body", "title", "url", "outlet", "published_at", "language")
FIELD_LIMITS = {"title": 500, "url": 2000, "outlet": 200}

# C0 controls other than tab and newlines, DEL and C1 controls: never part of an article.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_ISO_SHAPE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class IntakeError(ValueError):
    """A field of the article cannot be taken as sent; `field` names it."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(f"{field}: {detail}")
        self.field = field
        self.detail = detail


@dataclasses.dataclass(frozen=True)
class ArticleInput:
    """What a caller sends: the body and optional metadata, not yet validated."""

    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    language: str | None = None


def decode_body(raw: bytes) -> str:
    """UTF-8 text from bytes (a BOM is dropped); binary or other encodings are refused."""
    if b"\x00" in raw:
        raise IntakeError("body", "looks binary (it contains NUL bytes); send UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IntakeError("body", f"is not valid UTF-8 (byte {error.start})") from None


def input_from_json(value: Any) -> ArticleInput:
    """An ArticleInput from a decoded JSON object: known fields, strings (or null) only."""
    if not isinstance(value, Mapping):
        raise IntakeError("body", "is missing: send a JSON object with a `body` string")
    unknown = sorted(set(value) - set(FIELDS))
    if unknown:
        raise IntakeError(unknown[0], f"unknown field; allowed: {', '.join(FIELDS)}")
    if "body" not in value or value["body"] is None:
        raise IntakeError("body", "is required")
    for field in FIELDS:
        if value.get(field) is not None and not isinstance(value[field], str):
            raise IntakeError(field, f"must be a string, got {type(value[field]).__name__}")
    return ArticleInput(
        body=value["body"],
        title=value.get("title"),
        url=value.get("url"),
        outlet=value.get("outlet"),
        published_at=value.get("published_at"),
        language=value.get("language"),
    )


def normalize_body(body: str) -> str:
    """NFC with one kind of line end; stored as such, so every offset indexes the stored body."""
    body = body.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", body)


def _text(field: str, value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    value = visible(unicodedata.normalize("NFC", value)).strip()
    if not value:
        return None
    if _CONTROL.search(value) or "\n" in value:
        raise IntakeError(field, "must be one line without control characters")
    if len(value) > limit:
        raise IntakeError(field, f"must be at most {limit} characters, got {len(value)}")
    return value


def canonical_url(url: str) -> str:
    """The URL as stored and compared: scheme and host in lower case, no default port, no
    fragment (it never reaches the server), so one page has one URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise IntakeError("url", "must be an absolute http(s) URL") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username is not None or parts.password is not None:
        raise IntakeError("url", "must not carry a user name or password")
    return urlunsplit((scheme, host, parts.path, parts.query, ""))


def parse_published(value: str) -> FuzzyDate:
    """A publication date at the precision given; not an impossible day, not in the future."""
    value = value.strip()
    if not _ISO_SHAPE.match(value):
        raise IntakeError("published_at", f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        published = FuzzyDate.parse(value)
    except ValueError:
        raise IntakeError(
            "published_at", f"{value!r} is not a day in the calendar (YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)  # any time zone's today
    if published.earliest > tomorrow:
        raise IntakeError("published_at", f"{value!r} is in the future")
    return published


@dataclasses.dataclass(frozen=True)
class ValidInput:
    """Validated, normalized input."""

    body: str
    title: str | None
    url: str | None
    outlet: str | None
    published: FuzzyDate | None
    language: str | None


def validate(article: ArticleInput, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> ValidInput:
    """Check every field; IntakeError names the first one that cannot be used."""
    try:
        article.body.encode("utf-8")
    except UnicodeEncodeError:
        raise IntakeError("body", "is not valid Unicode text (lone surrogates)") from None
    body = normalize_body(article.body)
    if not body.strip():
        raise IntakeError("body", "is empty")
    if not has_words(body):
        raise IntakeError("body", "has no text: only spaces, punctuation or invisible characters")
    found = _CONTROL.search(body)
    if found:
        raise IntakeError(
            "body",
            f"contains the control character U+{ord(found.group()):04X} at {found.start()}; "
            "send plain text",
        )
    if len(body) > max_chars:
        raise IntakeError(
            "body", f"is {len(body)} characters long; the limit is {max_chars} characters"
        )
    url = _text("url", article.url, FIELD_LIMITS["url"])
    if url is not None:
        if not _URL.match(url):
            raise IntakeError("url", "must be an absolute http(s) URL")
        url = canonical_url(url)
    outlet = _text("outlet", article.outlet, FIELD_LIMITS["outlet"])
    if outlet is not None and not has_words(outlet):
        raise IntakeError("outlet", "must name the publisher (letters or digits)")
    published = None
    if article.published_at is not None and article.published_at.strip():
        published = parse_published(article.published_at)
    language = None
    if article.language is not None and article.language.strip():
        language = article.language.strip()
        if not _LANGUAGE.match(language) or len(language) > 12:
            raise IntakeError("language", f"must be a language code like `en`, got {language!r}")
        primary, _, rest = language.partition("-")
        language = primary.lower() + (f"-{rest}" if rest else "")
    return ValidInput(
        body=body,
        title=_text("title", article.title, FIELD_LIMITS["title"]),
        url=url,
        outlet=outlet,
        published=published,
        language=language,
    )
