"""Schemathesis against the live ASGI app: every operation, bounded examples, all checks."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from api.settings import Settings


@pytest.fixture(scope="session")
def api_schema(seeded_url: str) -> schemathesis.BaseSchema:
    app = create_app(Settings(database_url=seeded_url))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms(case: schemathesis.Case) -> None:
    case.call_and_validate()
