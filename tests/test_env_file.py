"""The optional .env file: KEY=VALUE lines under the real environment."""

import os
import pathlib

import pytest

from api.cli import main
from api.env_file import EnvFileError, load_env_file, parse


def test_parse_lines_comments_quotes_and_export() -> None:
    text = (
        "# a comment\n"
        "\n"
        "DATABASE_URL=postgresql://app@db:5432/frontline\n"
        "export FRONTLINE_WORKERS = 4  # inline comment\n"
        "FRONTLINE_CORS_ORIGINS='https://a.example https://b.example'\n"
        'FRONTLINE_METRICS_TOKEN="with # hash and \\"quotes\\""\n'
        "EMPTY=\n"
    )
    assert parse(text) == {
        "DATABASE_URL": "postgresql://app@db:5432/frontline",
        "FRONTLINE_WORKERS": "4",
        "FRONTLINE_CORS_ORIGINS": "https://a.example https://b.example",
        "FRONTLINE_METRICS_TOKEN": 'with # hash and "quotes"',
        "EMPTY": "",
    }


def test_a_malformed_line_names_the_file_and_line() -> None:
    with pytest.raises(EnvFileError, match=r"prod\.env, line 2"):
        parse("A=1\nnot a setting\n", "prod.env")


def test_the_real_environment_wins(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "custom.env"
    path.write_text("PORT=9001\nHOST=0.0.0.0\n", encoding="utf-8")
    environ = {"FRONTLINE_ENV_FILE": str(path), "PORT": "8080"}
    assert load_env_file(environ) == str(path)
    assert environ["PORT"] == "8080" and environ["HOST"] == "0.0.0.0"


def test_dot_env_in_the_working_directory_is_optional(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_env_file({}) is None
    (tmp_path / ".env").write_text("FRONTLINE_LOG_LEVEL=DEBUG\n", encoding="utf-8")
    environ: dict[str, str] = {}
    assert load_env_file(environ) == ".env"
    assert environ == {"FRONTLINE_LOG_LEVEL": "DEBUG"}


def test_a_named_file_that_is_missing_stops_the_cli(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTLINE_ENV_FILE", str(tmp_path / "nope.env"))
    assert main(["db", "current"]) == 2
    assert "FRONTLINE_ENV_FILE" in capsys.readouterr().err


def test_a_bad_value_from_the_file_names_the_setting(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.env"
    path.write_text("FRONTLINE_DB_POOL_SIZE=lots\n", encoding="utf-8")
    monkeypatch.setenv("FRONTLINE_ENV_FILE", str(path))
    monkeypatch.delenv("FRONTLINE_DB_POOL_SIZE", raising=False)
    try:
        assert main(["db", "current"]) == 2
        assert "FRONTLINE_DB_POOL_SIZE" in capsys.readouterr().err
    finally:
        os.environ.pop("FRONTLINE_DB_POOL_SIZE", None)  # set by the loader, not by monkeypatch
