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
        ({"FRONTLINE_SERVER_TIMING": "sometimes"}, "FRONTLINE_SERVER_TIMING"),
        ({"FRONTLINE_RESPONSE_CACHE": "disk"}, "FRONTLINE_RESPONSE_CACHE"),
        ({"FRONTLINE_RESPONSE_CACHE": "redis"}, "FRONTLINE_RESPONSE_CACHE"),
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


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"FRONTLINE_ENV": "staging"}, "FRONTLINE_ENV"),
        ({"FRONTLINE_ENV": "production"}, "DATABASE_URL"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"FRONTLINE_DATABASE_REPLICA_URL": "nope"}, "FRONTLINE_DATABASE_REPLICA_URL"),
        ({"FRONTLINE_DB_POOL_SIZE": "0"}, "FRONTLINE_DB_POOL_SIZE"),
        ({"FRONTLINE_DB_MAX_OVERFLOW": "-1"}, "FRONTLINE_DB_MAX_OVERFLOW"),
        ({"FRONTLINE_DB_POOL_TIMEOUT": "soon"}, "FRONTLINE_DB_POOL_TIMEOUT"),
        ({"FRONTLINE_TRUSTED_PROXIES": "10.0.0.0/8, lb.internal"}, "FRONTLINE_TRUSTED_PROXIES"),
        ({"FRONTLINE_WORKERS": "0"}, "FRONTLINE_WORKERS"),
        ({"FRONTLINE_GRACEFUL_TIMEOUT": "forever"}, "FRONTLINE_GRACEFUL_TIMEOUT"),
        ({"FRONTLINE_METRICS": "public"}, "FRONTLINE_METRICS"),
        ({"FRONTLINE_METRICS_TOKEN": "short"}, "FRONTLINE_METRICS_TOKEN"),
    ],
)
def test_invalid_production_settings_name_the_setting(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env(env)


def test_production_settings() -> None:
    settings = Settings.from_env(
        {
            "FRONTLINE_ENV": "Production",
            "DATABASE_URL": "postgresql://app@db:5432/frontline",
            "FRONTLINE_DATABASE_REPLICA_URL": "postgresql://app@replica:5432/frontline",
            "FRONTLINE_DB_POOL_SIZE": "8",
            "FRONTLINE_DB_MAX_OVERFLOW": "0",
            "FRONTLINE_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.7 ::1",
            "FRONTLINE_WORKERS": "4",
            "FRONTLINE_METRICS_TOKEN": "a-long-enough-scrape-token",
        }
    )
    assert settings.production and settings.workers == 4
    assert (settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout) == (8, 0, 30)
    assert settings.trusted_proxies == ("10.0.0.0/8", "192.168.1.7", "::1")
    assert settings.database_replica_url == "postgresql://app@replica:5432/frontline"
    assert not Settings.from_env({}).production
