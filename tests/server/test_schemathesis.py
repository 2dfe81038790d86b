"""Schemathesis fuzz of the mock server's OpenAPI document: generated input never gets a 5xx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from tests.support.server import API, PASSWORD, PIERRE, TODAY

from msa_tui.mock_server.app import create_app


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    # demo_outbox: the schema is served (/openapi.json) and the dev route is fuzzed too.
    app = create_app(Path(tmp_path_factory.mktemp("schemathesis")), today=TODAY, demo_outbox=True)
    yield app
    app.state.ctx.store.close()


@pytest.fixture(scope="module")
def auth_headers(fuzzed_app) -> dict[str, str]:
    with TestClient(fuzzed_app) as client:
        r = client.post(f"{API}/auth/login", json={"nir": PIERRE, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture(scope="module")
def api_schema(fuzzed_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app)


# Logout would revoke the shared token mid-run: every later call would only test the 401 path.
# (The filter goes on the lazy schema: the fixture's own filters are replaced when it is resolved.)
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path=f"{API}/auth/logout")


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_input_gets_a_5xx(case, auth_headers) -> None:
    # Only "no 5xx": 4xx answers to invalid input are the expected behaviour.
    case.call_and_validate(headers=auth_headers, checks=[not_a_server_error])
