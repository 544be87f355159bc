"""Where the synthetic corpus is written: COPY on PostgreSQL, executemany on SQLite."""

import datetime as dt
import sqlite3
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

import psycopg


class Writer(Protocol):
    def write(self, table: str, rows: Sequence[dict[str, Any]]) -> None: ...


class PostgresWriter:
    """COPY FROM STDIN, one table at a time, in one transaction."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def write(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])


class SQLiteWriter:
    """executemany in batches of a whole chunk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def write(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            ([_sqlite(row[c]) for c in columns] for row in rows),
        )


def _sqlite(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


class QmarkCursor:
    """The few read statements `generate` runs, on sqlite3."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.cursor = cursor

    def execute(self, sql: str) -> None:
        self.cursor.execute(sql)

    def fetchone(self) -> Any:
        return self.cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self.cursor.fetchall()
