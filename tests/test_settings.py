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
