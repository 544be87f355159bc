"""The Node interface and opaque global IDs ("Type:key", base64url) stable across reloads."""

import base64
import binascii

import strawberry

from schema.errors import PublicError


@strawberry.interface(description="An object with a global ID, fetchable with `node(id:)`.")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Opaque global ID; stable across reloads, safe to store and join on."
    )


def global_id(type_name: str, key: str) -> strawberry.ID:
    """Encode a type name and a stable key as an opaque ID."""
    raw = f"{type_name}:{key}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def parse_global_id(value: str, expected: str | None = None) -> tuple[str, str]:
    """Decode an ID into (type name, key); PublicError when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise PublicError(f"{value!r} is not a valid ID") from None
    type_name, sep, key = raw.partition(":")
    if not sep or not key or not type_name.isalpha():
        raise PublicError(f"{value!r} is not a valid ID")
    if expected is not None and type_name != expected:
        raise PublicError(f"ID {value!r} is a {type_name}, expected a {expected}")
    return type_name, key


def keys_of(ids: list[strawberry.ID] | None, expected: str) -> tuple[str, ...]:
    """Keys of a list of IDs that must all be of one type."""
    return tuple(parse_global_id(i, expected)[1] for i in ids or [])
