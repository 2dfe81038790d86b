"""Fixtures of the mock server tests: a seeded app, a prefixed client, demo members logged in, a movable clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.support.server import PIERRE, TODAY, Api, FakeNow

from msa_tui.mock_server.app import create_app


@pytest.fixture
def make_app(tmp_path: Path, seeded_copy) -> Callable[..., object]:
    counter = iter(range(1000))

    def make(**kw):
        data_dir = tmp_path / f"data-{next(counter)}"
        if "today" not in kw:  # the usual day: a copy of this worker's seeded dir (a given day seeds anew)
            kw["today"] = TODAY
            seeded_copy(data_dir, TODAY)
        kw.setdefault("demo_outbox", True)  # registration and reset tests read the codes there
        return create_app(data_dir, **kw)

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def api(app) -> Iterator[Api]:
    with TestClient(app, raise_server_exceptions=True) as client:
        yield Api(client)


@pytest.fixture
def pierre(api: Api) -> Api:
    api.login(PIERRE)
    return api


@pytest.fixture
def fake_now(app) -> FakeNow:
    from msa_tui.core.clock import PARIS

    clock = FakeNow(datetime(2026, 11, 16, 10, 0, tzinfo=PARIS))
    app.state.ctx.now = clock
    return clock




def _second_client(app, nir: str) -> Iterator[Api]:
    """Another client on the same server, logged in as `nir`."""
    with TestClient(app) as client:
        other = Api(client)
        other.login(nir)
        yield other


@pytest.fixture
def sophie(app) -> Iterator[Api]:
    """A second client on the same server, logged in as Sophie Le Gall."""
    from tests.support.server import SOPHIE

    yield from _second_client(app, SOPHIE)


@pytest.fixture
def antoine(app) -> Iterator[Api]:
    """A second client on the same server, logged in as Antoine Santoni (who gave Pierre a procuration)."""
    from tests.support.server import ANTOINE

    yield from _second_client(app, ANTOINE)
