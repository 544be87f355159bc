"""Settings read from the environment, with safe defaults for a newcomer's machine."""

import dataclasses
import os
from collections.abc import Mapping

from schema.limits import GraphQLLimits

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/frontline.db"


class SettingsError(ValueError):
    """A setting has a value the service cannot run with; the message names it."""


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{name} must be on/off (1/0, true/false), got {raw!r}")


def _rate(env: Mapping[str, str], name: str, default: tuple[int, int]) -> tuple[int, int]:
    from api.keys import parse_rate

    raw = env.get(name)
    if not raw:
        return default
    try:
        return parse_rate(raw)
    except ValueError as error:
        raise SettingsError(f"{name}: {error}") from None


@dataclasses.dataclass(frozen=True)
class Settings:
    """Every setting the service reads; documented in the README's settings table."""

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    graphiql: bool = True
    max_page_size: int = 100
    log_level: str = "INFO"
    max_body_bytes: int = 1_048_576
    anonymous: bool = True
    anonymous_rate: tuple[int, int] = (60, 60)
    default_key_rate: tuple[int, int] = (600, 60)
    redis_url: str | None = None
    cors_origins: tuple[str, ...] = ()
    graphql_limits: GraphQLLimits = dataclasses.field(default_factory=GraphQLLimits)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        log_level = env.get("FRONTLINE_LOG_LEVEL", "INFO").upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise SettingsError(
                f"FRONTLINE_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}"
            )
        try:
            graphql_limits = GraphQLLimits.from_env(env)
        except ValueError as error:
            raise SettingsError(str(error)) from None
        return cls(
            graphql_limits=graphql_limits,
            anonymous=_bool(env, "FRONTLINE_ANONYMOUS", True),
            anonymous_rate=_rate(env, "FRONTLINE_ANONYMOUS_RATE", (60, 60)),
            default_key_rate=_rate(env, "FRONTLINE_DEFAULT_KEY_RATE", (600, 60)),
            redis_url=env.get("REDIS_URL") or None,
            cors_origins=tuple(
                o for o in env.get("FRONTLINE_CORS_ORIGINS", "").replace(",", " ").split() if o
            ),
            database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
            host=env.get("HOST") or "127.0.0.1",
            port=_int(env, "PORT", 8000, 1, 65535),
            graphiql=_bool(env, "FRONTLINE_GRAPHIQL", True),
            log_level=log_level,
            max_body_bytes=_int(env, "FRONTLINE_MAX_BODY_BYTES", 1_048_576, 1024, 1_073_741_824),
        )
