"""The logical backup, as an operator runs it: `frontline export`, then into an empty database
`frontline db upgrade` and `frontline import`, each a real process; the restore exports the
same bytes. On PostgreSQL in the PostgreSQL run (DATABASE_URL), on SQLite otherwise."""

import os
import pathlib
import subprocess

from tests.conftest import Databases
from tests.server import BIN


def frontline(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    done = subprocess.run(
        [str(BIN / "frontline"), *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


def test_restore_into_an_empty_database_with_the_cli(
    databases: Databases, seeded_url: str, tmp_path: pathlib.Path
) -> None:
    backup, again = tmp_path / "backup.ndjson", tmp_path / "again.ndjson"
    frontline(seeded_url, "export", str(backup))

    empty = databases.new()
    frontline(empty, "db", "upgrade")
    imported = frontline(empty, "import", str(backup)).stdout
    assert "countries: 249" in imported and "articles: 5" in imported
    frontline(empty, "export", str(again))
    assert again.read_bytes() == backup.read_bytes()
    current = frontline(empty, "db", "current").stdout
    at, head = current.strip().removeprefix("current: ").split("; head: ")
    assert at == head
