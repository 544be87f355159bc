"""Logical dump of every table: an NDJSON stream, its loader, and a zip of one CSV per table."""

from db.dump.format import (
    BATCH_SIZE,
    FORMAT,
    NOT_DUMPED,
    VERSION,
    DumpError,
    begin_snapshot,
    database_revision,
    dump_tables,
    schema_head,
)
from db.dump.loader import load_dump
from db.dump.writer import iter_dump, write_zip

__all__ = [
    "BATCH_SIZE",
    "FORMAT",
    "NOT_DUMPED",
    "VERSION",
    "DumpError",
    "begin_snapshot",
    "database_revision",
    "dump_tables",
    "iter_dump",
    "load_dump",
    "schema_head",
    "write_zip",
]
