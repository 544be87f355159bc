"""API key material: generation, hashing, constant-time checks and the option syntax."""

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
import secrets

SCOPES = ("read", "write", "review", "admin")
KINDS = {"secret": "ff_sk_", "publishable": "ff_pk_"}
_KEY = re.compile(r"^ff_(sk|pk)_([a-z2-7]{10})_([A-Za-z0-9_-]{32,64})$")
_RATE = re.compile(r"^(\d{1,7})/(second|minute|hour)$")
_WINDOWS = {"second": 1, "minute": 60, "hour": 3600}
_DURATION = re.compile(r"^(\d{1,5})([dhm])$")
_UNITS = {"d": 86400, "h": 3600, "m": 60}


@dataclasses.dataclass(frozen=True)
class NewKey:
    """A freshly made key: `plaintext` is shown once, only `public_id`/`secret_hash` are kept."""

    plaintext: str
    public_id: str
    secret_hash: str


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def generate(kind: str) -> NewKey:
    """A random key: 50 bits of public id plus 192 bits of secret."""
    alphabet = "abcdefghijklmnopqrstuvwxyz234567"
    public_id = "".join(secrets.choice(alphabet) for _ in range(10))
    plaintext = f"{KINDS[kind]}{public_id}_{secrets.token_urlsafe(24)}"
    return NewKey(plaintext, public_id, hash_key(plaintext))


def parse_key(plaintext: str) -> tuple[str, str] | None:
    """(kind, public id) of a well-formed key, else None."""
    match = _KEY.match(plaintext)
    if match is None:
        return None
    return ("secret" if match.group(1) == "sk" else "publishable"), match.group(2)


def matches(plaintext: str, secret_hash: str) -> bool:
    """Constant-time comparison of a presented key with the stored hash."""
    return hmac.compare_digest(hash_key(plaintext), secret_hash)


def parse_rate(text: str) -> tuple[int, int]:
    """'600/minute' -> (600, 60)."""
    match = _RATE.match(text.strip())
    if match is None or int(match.group(1)) < 1:
        raise ValueError(
            f"rate must look like 600/minute (per second, minute or hour), got {text!r}"
        )
    return int(match.group(1)), _WINDOWS[match.group(2)]


def format_rate(limit: int, window: int) -> str:
    unit = {1: "second", 60: "minute", 3600: "hour"}.get(window)
    return f"{limit}/{unit}" if unit else f"{limit}/{window}s"


def parse_expiry(text: str, now: dt.datetime) -> dt.datetime:
    """'90d', '12h' or '30m' from now, or an ISO 8601 timestamp with a time zone."""
    match = _DURATION.match(text.strip())
    if match:
        return now + dt.timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"expires must be like 90d, 12h, 30m or an ISO timestamp, got {text!r}"
        ) from None
    if moment.tzinfo is None:
        raise ValueError("expires needs a time zone (e.g. 2027-01-01T00:00:00Z)")
    return moment


def parse_scopes(values: list[str] | tuple[str, ...], kind: str) -> tuple[str, ...]:
    scopes = tuple(dict.fromkeys(v.strip().lower() for v in values if v.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValueError(f"scopes must be some of {', '.join(SCOPES)}, got {', '.join(values)!r}")
    if kind == "publishable" and scopes != ("read",):
        raise ValueError("publishable keys are read-only: scopes must be exactly read")
    return scopes


def parse_origins(values: list[str] | tuple[str, ...], kind: str) -> tuple[str, ...]:
    origins = tuple(v.strip().rstrip("/") for v in values if v.strip())
    for origin in origins:
        if not re.match(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$", origin):
            raise ValueError(f"origins must look like https://app.example, got {origin!r}")
    if kind == "publishable" and not origins:
        raise ValueError("a publishable key needs at least one allowed origin")
    return origins
