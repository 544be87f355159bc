"""The `frontline` command end to end on a fresh database."""

import pytest

from api.cli import main
from tests.conftest import Databases


def test_upgrade_seed_current(
    databases: Databases, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = databases.new()
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    current, head = capsys.readouterr().out.strip().removeprefix("current: ").split("; head: ")
    assert current == head
    assert main(["seed", "--if-empty"]) == 0
    assert "articles: +5" in capsys.readouterr().out
    assert main(["seed", "--if-empty"]) == 0
    assert "skipped" in capsys.readouterr().out
    assert main(["seed"]) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_bad_setting_exits_2_with_the_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORT", "nope")
    assert main(["db", "current"]) == 2
    assert "PORT" in capsys.readouterr().err
