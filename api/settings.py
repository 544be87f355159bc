"""Settings read from the environment, with safe defaults for a newcomer's machine."""

import dataclasses
import ipaddress
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


def _database_url(env: Mapping[str, str], name: str) -> str | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    raw = env.get(name) or None
    if raw is None:
        return None
    try:
        backend = make_url(raw).get_backend_name()
    except ArgumentError:
        raise SettingsError(f"{name} is not a database URL: {raw.split('@')[-1]!r}") from None
    if backend not in {"sqlite", "postgresql"}:
        raise SettingsError(f"{name} must name SQLite or PostgreSQL, got {backend!r}")
    return raw


def _proxies(env: Mapping[str, str]) -> tuple[str, ...]:
    entries = tuple(env.get("FRONTLINE_TRUSTED_PROXIES", "").replace(",", " ").split())
    for entry in entries:
        if entry == "*":
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise SettingsError(
                f"FRONTLINE_TRUSTED_PROXIES: {entry!r} is not an IP address or CIDR network"
            ) from None
    return entries


def _token(env: Mapping[str, str], name: str) -> str | None:
    token = env.get(name) or None
    if token is not None and len(token) < 16:
        raise SettingsError(
            f"{name} must be at least 16 characters (a guessable token protects nothing)"
        )
    return token


def _choice(env: Mapping[str, str], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = (env.get(name) or default).strip().lower()
    if value not in choices:
        raise SettingsError(f"{name} must be {' or '.join(choices)}, got {value!r}")
    return value


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
    environment: str = "development"  # or "production": no implicit defaults, checks at start
    database_replica_url: str | None = None  # read-only queries go there when set
    db_pool_size: int = 5  # connections each process keeps open (PostgreSQL)
    db_max_overflow: int = 10  # extra connections a process may open under load
    db_pool_timeout: int = 30  # seconds a request waits for a connection before failing
    trusted_proxies: tuple[str, ...] = ()  # peers whose X-Forwarded-For is believed
    workers: int = 1
    graceful_timeout: int = 30  # seconds in-flight requests get after SIGTERM
    metrics: bool = True
    redis_required: bool = True  # off: /readyz reports Redis but stays 200 without it
    metrics_token: str | None = None  # when set, /metrics needs `Authorization: Bearer <it>`
    server_timing: bool = False
    response_cache: str = "off"

    @property
    def production(self) -> bool:
        return self.environment == "production"

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
        environment = _choice(env, "FRONTLINE_ENV", "development", ("development", "production"))
        database_url = _database_url(env, "DATABASE_URL")
        if environment == "production" and database_url is None:
            raise SettingsError(
                "DATABASE_URL must be set when FRONTLINE_ENV=production "
                "(the SQLite default is for development)"
            )
        try:
            return cls(
                environment=environment,
                database_replica_url=_database_url(env, "FRONTLINE_DATABASE_REPLICA_URL"),
                db_pool_size=env_int(env, "FRONTLINE_DB_POOL_SIZE", 5, 1, 1000),
                db_max_overflow=env_int(env, "FRONTLINE_DB_MAX_OVERFLOW", 10, 0, 1000),
                db_pool_timeout=env_int(env, "FRONTLINE_DB_POOL_TIMEOUT", 30, 1, 3600),
                trusted_proxies=_proxies(env),
                workers=env_int(env, "FRONTLINE_WORKERS", 1, 1, 64),
                graceful_timeout=env_int(env, "FRONTLINE_GRACEFUL_TIMEOUT", 30, 1, 3600),
                metrics=env_bool(env, "FRONTLINE_METRICS", True),
                redis_required=env_bool(env, "FRONTLINE_REDIS_REQUIRED", True),
                metrics_token=_token(env, "FRONTLINE_METRICS_TOKEN"),
                server_timing=env_bool(env, "FRONTLINE_SERVER_TIMING", False),
                response_cache=response_cache,
                graphql_limits=GraphQLLimits.from_env(env),
                anonymous=env_bool(env, "FRONTLINE_ANONYMOUS", True),
                anonymous_rate=_rate(env, "FRONTLINE_ANONYMOUS_RATE", (60, 60)),
                default_key_rate=_rate(env, "FRONTLINE_DEFAULT_KEY_RATE", (600, 60)),
                redis_url=env.get("REDIS_URL") or None,
                cors_origins=tuple(env.get("FRONTLINE_CORS_ORIGINS", "").replace(",", " ").split()),
                database_url=database_url or DEFAULT_DATABASE_URL,
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
