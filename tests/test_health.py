"""Readiness: the database at the migration head, and Redis when configured."""

import os

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from db import migrate
from tests.conftest import Databases
from tests.contract import Contract, ContractClient


def readiness(**settings: object) -> tuple[int, dict[str, object]]:
    with TestClient(create_app(Settings(**settings))) as client:  # type: ignore[arg-type]
        response = ContractClient(client, Contract.load()).get("/readyz")
        return response.status_code, response.json()


def test_ready_on_a_migrated_database(api: ContractClient) -> None:
    response = api.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["checks"] == {"database": "ok", "migrations": "ok", "redis": "not configured"}


def test_not_ready_before_migrations(databases: Databases) -> None:
    url = databases.new()
    status, body = readiness(database_url=url)
    assert status == 503
    assert body["checks"]["database"] == "ok"  # type: ignore[index]
    assert "expected" in body["reason"]  # type: ignore[operator]
    migrate.upgrade(url)
    assert readiness(database_url=url)[0] == 200


def test_not_ready_without_a_database() -> None:
    status, body = readiness(database_url="postgresql://nobody@127.0.0.1:1/nothing")
    assert status == 503
    assert str(body["checks"]["database"]).startswith("unreachable")  # type: ignore[index]
    assert "database" in body["reason"]  # type: ignore[operator]


def test_not_ready_when_configured_redis_is_down(seeded_url: str) -> None:
    status, body = readiness(database_url=seeded_url, redis_url="redis://127.0.0.1:1/0")
    assert status == 503
    assert str(body["checks"]["redis"]).startswith("unreachable")  # type: ignore[index]


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
def test_ready_with_redis(seeded_url: str) -> None:
    status, body = readiness(database_url=seeded_url, redis_url=os.environ["REDIS_URL"])
    assert status == 200 and body["checks"]["redis"] == "ok"  # type: ignore[index]


def test_redis_can_be_optional_for_readiness(seeded_url: str) -> None:
    status, body = readiness(
        database_url=seeded_url, redis_url="redis://127.0.0.1:1/0", redis_required=False
    )
    assert status == 200 and body["status"] == "ready"
    assert str(body["checks"]["redis"]).startswith("unreachable")  # type: ignore[index]


def _set_revision(url: str, revision: str) -> None:
    import asyncio

    from sqlalchemy import text

    from db.engine import create_engine

    async def run() -> None:
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                await connection.execute(
                    text("UPDATE alembic_version SET version_num = :v"), {"v": revision}
                )
        finally:
            await engine.dispose()

    asyncio.run(run())


def test_a_database_migrated_ahead_by_a_newer_release_stays_ready(databases: Databases) -> None:
    # Rolling deploy: the new release ran `frontline db upgrade`; old replicas keep serving.
    from api.serve_command import _not_at_head

    url = databases.new()
    migrate.upgrade(url)
    _set_revision(url, "9999_from_a_newer_release")
    status, body = readiness(database_url=url)
    assert status == 200
    migrations = str(body["checks"]["migrations"])  # type: ignore[index]
    assert migrations.startswith("ahead: at 9999_from_a_newer_release")
    assert _not_at_head(Settings(database_url=url)) is None
    _set_revision(url, "0001")
    status, body = readiness(database_url=url)
    assert status == 503 and "expected" in str(body["reason"])
    assert "frontline db upgrade" in str(_not_at_head(Settings(database_url=url)))
