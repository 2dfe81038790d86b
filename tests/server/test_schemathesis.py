"""Schemathesis against the mock server's OpenAPI document: every check, per operation and stateful.

Derandomised (fixed seed, no example database) so a CI failure replays identically."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import positive_data_acceptance
from tests.support.server import API, PASSWORD, PIERRE, TODAY

from msa_tui.mock_server.app import create_app
from msa_tui.mock_server.throttle import Throttle

# Correct by design: the server checks what JSON Schema cannot say (a NIR's control key, a
# plausible date range, no control characters in names, the password policy, a registration's
# identity matching the member's record), so data valid against the schema may get a 422.
EXCLUDED = [positive_data_acceptance]
FUZZ = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
# No shrinking: the server's data persists between scenarios, so a replay would not meet the same state
# (hypothesis would report a flaky strategy instead of the failure it found).
STATEFUL = settings(max_examples=40, stateful_step_count=6, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])


def _served(data_dir: Path) -> tuple[Any, dict[str, str], Any]:
    """A seeded app (demo_outbox: the schema is served and the dev route fuzzed too), a demo
    member's bearer header, and the app's schema with that header configured."""
    app = create_app(data_dir, today=TODAY, demo_outbox=True)
    with TestClient(app) as client:
        r = client.post(f"{API}/auth/login", json={"nir": PIERRE, "password": PASSWORD})
        assert r.status_code == 200, r.text
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    loaded = schemathesis.openapi.from_asgi("/openapi.json", app)
    # Configured (not passed per call): schemathesis then knows the token is the caller's, and
    # does not count a case whose negated Authorization header it would put back as invalid data.
    loaded.config.update(headers=headers)
    return app, headers, loaded


AUTH: dict[str, str] = {}
"""The demo member's bearer header of the per-operation run (set by its fixture)."""


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    app, headers, loaded = _served(Path(tmp_path_factory.mktemp("schemathesis")))
    AUTH.update(headers)
    yield loaded
    app.state.ctx.store.close()


@pytest.fixture
def linked_app(tmp_path: Path) -> Iterator[tuple[Any, dict[str, str], Any]]:
    # Its own server: the scenarios reset its data, which must not pull it from under the other test.
    served = _served(tmp_path)
    yield served
    served[0].state.ctx.store.close()


# Logout would revoke the shared token mid-run: every later call would only test the 401 path.
# (The filter goes on the lazy schema: the fixture's own filters are replaced when it is resolved.)
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path=f"{API}/auth/logout")

# The operations in six groups of about ten, one test each, so that xdist runs them side by side.
# A path's first segment after the prefix picks its group; a segment not listed falls in the
# first group, so every operation (a new route too) is fuzzed by exactly one test.
GROUPS = (
    ("auth", "health", "dev"),
    ("submissions", "alerts"),
    ("me", "attestations", "quotient-familial"),
    ("procurations", "appointments"),
    ("requests", "threads", "attachments"),
    ("documents", "payments", "declarations", "assistance", "services"),
)


def group_of(path: str) -> int:
    segment = path.removeprefix(API).strip("/").split("/")[0]
    return next((n for n, segments in enumerate(GROUPS) if segment in segments), 0)


def fuzz_group(n: int) -> Any:
    """The per-operation test over the operations of group `n`."""

    @schema.include(lambda ctx: group_of(ctx.operation.path) == n).parametrize()
    @FUZZ
    def test(case: Any) -> None:
        # Passed per call too (as in the stateful test): the auth check then knows the token is the
        # caller's, not generated, and probes without it.
        case.call_and_validate(headers=dict(AUTH), excluded_checks=EXCLUDED)

    return test


test_every_check_holds_per_operation_auth = fuzz_group(0)
test_every_check_holds_per_operation_submissions = fuzz_group(1)
test_every_check_holds_per_operation_me = fuzz_group(2)
test_every_check_holds_per_operation_procurations = fuzz_group(3)
test_every_check_holds_per_operation_requests = fuzz_group(4)
test_every_check_holds_per_operation_documents = fuzz_group(5)


def test_the_groups_cover_every_operation_once() -> None:
    import json

    document = json.loads((Path(__file__).parents[2] / "docs" / "openapi.json").read_text())
    segments = {path.removeprefix(API).strip("/").split("/")[0] for path in document["paths"]}
    listed = [segment for group in GROUPS for segment in group]
    assert len(listed) == len(set(listed)), "a segment is in two groups"
    # Not required for coverage (unlisted segments go to the first group), but keeps the groups balanced.
    assert segments <= set(listed), sorted(segments - set(listed))


def test_every_check_holds_across_linked_operations(linked_app: tuple[Any, dict[str, str], Any]) -> None:
    app, auth_headers, api_schema = linked_app
    # Links are inferred from the document (an id a POST answers feeds the paths that take it):
    # create a submission, upload to it, send it; start a thread, reply in it; and so on.
    machine = api_schema.exclude(path=f"{API}/auth/logout").as_state_machine()

    # Every scenario starts from the same data (the member logged in, nothing created yet): with
    # state carried over, hypothesis would meet different answers for the same draws and give up.
    ctx = app.state.ctx
    pristine = sqlite3.connect(":memory:")
    ctx.store.db.backup(pristine)

    linked: list[str] = []

    class Member(machine):  # type: ignore[misc, valid-type]
        def after_call(self, response: Any, case: Any) -> None:
            linked.append(case.operation.label)

        def setup(self) -> None:
            pristine.backup(ctx.store.db)
            ctx.throttle = Throttle(ctx.throttle.limits)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            # Passed per call too: the auth check then knows the token is the caller's, not generated.
            return {"headers": auth_headers}

        def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kwargs: Any) -> None:
            case.validate_response(response, additional_checks=additional_checks, excluded_checks=EXCLUDED,
                                   transport_kwargs=kwargs)

    try:
        Member.run(settings=STATEFUL)
    finally:
        pristine.close()
    # The scenarios did chain operations on ids the server handed out, not only call roots.
    assert any("{submission_id}" in label for label in linked), sorted(set(linked))
    assert any("{thread_id}" in label for label in linked), sorted(set(linked))
