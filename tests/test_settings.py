"""Settings come from the environment; a bad value names the setting."""

import pytest

from api.settings import DEFAULT_DATABASE_URL, Settings, SettingsError


def test_defaults_need_nothing() -> None:
    settings = Settings.from_env({})
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_environment_overrides() -> None:
    settings = Settings.from_env(
        {"HOST": "0.0.0.0", "PORT": "9000", "DATABASE_URL": "postgresql://x/y"}
    )
    assert (settings.host, settings.port, settings.database_url) == (
        "0.0.0.0",
        9000,
        "postgresql://x/y",
    )


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"FRONTLINE_GRAPHIQL": "maybe"}, "FRONTLINE_GRAPHIQL"),
        ({"FRONTLINE_LOG_LEVEL": "LOUD"}, "FRONTLINE_LOG_LEVEL"),
    ],
)
def test_invalid_values_name_the_setting(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env)


def test_every_setting_read_anywhere_is_in_the_readme() -> None:
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[1]
    variables = "FRONTLINE_[A-Z_]+|DATABASE_URL|HOST|PORT|REDIS_URL|PROMETHEUS_MULTIPROC_DIR"
    setting = rf"\"({variables})\""
    readme = (root / "README.md").read_text(encoding="utf-8")
    names: set[str] = set()
    for folder in ["api", "db", "ingest", "schema"]:
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            names |= set(re.findall(setting, text))
    assert {"DATABASE_URL", "HOST", "PORT"} <= names
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert missing == []
