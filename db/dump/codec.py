"""Column codecs of the dump: database values to JSON values and back, per table."""

import datetime as dt
import enum
import functools
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from db.dump.format import dump_tables

Codec = Callable[[Any], Any]


def _encoder(column: sa.Column[Any]) -> Codec:
    kind = column.type
    if isinstance(kind, sa.JSON):
        return _same  # already JSON (fact_reviews.before/after)
    if isinstance(kind, sa.DateTime):
        aware = bool(kind.timezone)

        def encode_datetime(value: dt.datetime) -> str:
            # Timestamps are written in UTC; SQLite hands back naive UTC for aware columns.
            if value.tzinfo is None:
                return value.replace(tzinfo=dt.UTC).isoformat() if aware else value.isoformat()
            value = value.astimezone(dt.UTC)
            return value.isoformat() if aware else value.replace(tzinfo=None).isoformat()

        return encode_datetime
    return _encode_value


def _same(value: Any) -> Any:
    return value


def _encode_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot dump a value of type {type(value).__name__}")


class TableCodec:
    """Column names with an encoder and a decoder each, for one table."""

    def __init__(self, table: sa.Table) -> None:
        self.table = table
        self.names = [column.name for column in table.columns]
        self.encoders = [_encoder(column) for column in table.columns]
        self.decoders = {column.name: _decoder(column) for column in table.columns}

    def encode(self, row: sa.Row[Any]) -> dict[str, Any]:
        pairs = zip(self.names, self.encoders, row, strict=True)
        return {name: None if v is None else encode(v) for name, encode, v in pairs}


@functools.cache
def table_codecs() -> dict[str, TableCodec]:
    return {table.name: TableCodec(table) for table in dump_tables()}


def ndjson_line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _decoder(column: sa.Column[Any]) -> Codec:
    kind = column.type
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class  # by value; ValueError names the bad one
    if isinstance(kind, sa.DateTime):
        return functools.partial(_decode_datetime, bool(kind.timezone))
    if isinstance(kind, sa.Date):
        return lambda value: dt.date.fromisoformat(_expect(str, value))
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return lambda value: Decimal(_expect((str, int), value))
    for sql_type, python_type in ((sa.Integer, int), (sa.Boolean, bool), (sa.String, str)):
        if isinstance(kind, sql_type):
            return functools.partial(_expect, python_type)
    return lambda value: value


def _expect(kind: type | tuple[type, ...], value: Any) -> Any:
    # JSON true/false are Python bools, which are ints too: only a Boolean column takes them.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"expected {getattr(kind, '__name__', 'a string or a number')}")
    return value


def _decode_datetime(aware: bool, value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("expected an ISO datetime string")
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC) if aware else parsed
    parsed = parsed.astimezone(dt.UTC)
    return parsed if aware else parsed.replace(tzinfo=None)
