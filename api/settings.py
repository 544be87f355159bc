"""Settings read from the environment, with safe defaults for a newcomer's machine."""

import dataclasses
import os
from collections.abc import Mapping

from schema.limits import GraphQLLimits, env_bool, env_int

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/frontline.db"
RESPONSE_CACHES = ("off", "memory", "redis")


class SettingsError(ValueError):
    """A setting has a value the service cannot run with; the message names it."""


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
    max_article_chars: int = 200_000
    anonymous: bool = True
    anonymous_rate: tuple[int, int] = (60, 60)
    default_key_rate: tuple[int, int] = (600, 60)
    redis_url: str | None = None
    cors_origins: tuple[str, ...] = ()
    graphql_limits: GraphQLLimits = dataclasses.field(default_factory=GraphQLLimits)
    server_timing: bool = False
    response_cache: str = "off"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        log_level = env.get("FRONTLINE_LOG_LEVEL", "INFO").upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise SettingsError(
                f"FRONTLINE_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}"
            )
        response_cache = env.get("FRONTLINE_RESPONSE_CACHE", "off").strip().lower() or "off"
        if response_cache not in RESPONSE_CACHES:
            raise SettingsError(
                f"FRONTLINE_RESPONSE_CACHE must be off, memory or redis, got {response_cache!r}"
            )
        if response_cache == "redis" and not env.get("REDIS_URL"):
            raise SettingsError("FRONTLINE_RESPONSE_CACHE=redis needs REDIS_URL")
        try:
            return cls(
                server_timing=env_bool(env, "FRONTLINE_SERVER_TIMING", False),
                response_cache=response_cache,
                graphql_limits=GraphQLLimits.from_env(env),
                anonymous=env_bool(env, "FRONTLINE_ANONYMOUS", True),
                anonymous_rate=_rate(env, "FRONTLINE_ANONYMOUS_RATE", (60, 60)),
                default_key_rate=_rate(env, "FRONTLINE_DEFAULT_KEY_RATE", (600, 60)),
                redis_url=env.get("REDIS_URL") or None,
                cors_origins=tuple(env.get("FRONTLINE_CORS_ORIGINS", "").replace(",", " ").split()),
                database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
                host=env.get("HOST") or "127.0.0.1",
                port=env_int(env, "PORT", 8000, 1, 65535),
                graphiql=env_bool(env, "FRONTLINE_GRAPHIQL", True),
                log_level=log_level,
                max_body_bytes=env_int(
                    env, "FRONTLINE_MAX_BODY_BYTES", 1_048_576, 1024, 1_073_741_824
                ),
                max_article_chars=env_int(
                    env, "FRONTLINE_MAX_ARTICLE_CHARS", 200_000, 100, 10_000_000
                ),
            )
        except SettingsError:
            raise
        except ValueError as error:
            # The shared parsers name the variable; present it as a settings problem.
            raise SettingsError(str(error)) from None
