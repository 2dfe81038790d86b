"""Shared pytest fixtures: isolated platform dirs, a pinned day, the mock server and API clients."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from msa_tui.api.client import MsaClient

from tests.support.api import asgi_client
from tests.support.members import DEMO_NIR, DEMO_PASSWORD

_XDG_VARS = (
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_DOWNLOAD_DIR",
)


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and every XDG dir at tmp_path subdirs so no test touches the real home.

    Returns the fake HOME. Also drops MSA_TUI_FROZEN_TIME so a developer's shell
    cannot leak a frozen clock into the tests.
    """
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in _XDG_VARS:
        sub = tmp_path / var.lower()
        sub.mkdir()
        monkeypatch.setenv(var, str(sub))
    monkeypatch.delenv("MSA_TUI_FROZEN_TIME", raising=False)
    return home


@pytest.fixture
def pinned_today() -> date:
    """The day the demo data is seeded for: tests pin it so the seed never drifts."""
    return date(2026, 11, 15)


@pytest.fixture(scope="session")
def seeded_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path, date], Path]:
    """Make `dest` a data dir seeded for `today`'s month: a copy of one seeded once per worker.

    The seed is a pure function of the month (tests/server/test_seed.py proves it on fresh dirs),
    and `create_app` leaves a seeded dir as it is: a copy serves the same rows as seeding anew,
    without creating the schema and inserting every row again for each test.
    """
    from msa_tui.mock_server.app import create_app

    templates: dict[tuple[int, int], Path] = {}

    def copy(dest: Path, today: date) -> Path:
        key = (today.year, today.month)
        if key not in templates:
            template = tmp_path_factory.mktemp(f"seeded-{today:%Y-%m}")
            create_app(template, today=today).state.ctx.store.close()  # closed: no -wal file left to copy
            templates[key] = template
        shutil.copytree(templates[key], dest)
        return dest

    return copy


@pytest.fixture
def server_app(tmp_path: Path, pinned_today: date, isolated_dirs: Path, seeded_copy):
    """A freshly seeded mock server app on a temp data dir (no socket)."""
    from msa_tui.mock_server.app import create_app

    # The demo outbox is on: registration and reset tests read the e-mailed codes there.
    return create_app(seeded_copy(tmp_path / "data", pinned_today), today=pinned_today, demo_outbox=True)


@pytest.fixture
async def make_client(server_app) -> AsyncIterator[Callable[..., MsaClient]]:
    """A factory of extra clients (other members, stale tokens) on `server_app` or another app."""
    made: list[MsaClient] = []

    def make(app=None, **kwargs) -> MsaClient:
        api = asgi_client(app if app is not None else server_app, **kwargs)
        made.append(api)
        return api

    yield make
    for api in made:
        await api.aclose()


@dataclass
class ServerClock:
    """The mock server's clock, pinned and moved by hand (lockout, token expiry) with no sleep."""

    now: datetime
    history: list[datetime] = field(default_factory=list)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.history.append(self.now)
        self.now = self.now + delta


@pytest.fixture
def server_clock(server_app) -> ServerClock:
    """Replace `server_app`'s clock (ctx.now) by one tests move forward explicitly."""
    ctx = server_app.state.ctx
    clock = ServerClock(ctx.now())
    ctx.now = clock
    return clock


@pytest.fixture
async def client(server_app) -> AsyncIterator[MsaClient]:
    """An MsaClient talking to `server_app` through httpx.ASGITransport, not logged in."""
    api = asgi_client(server_app)
    try:
        yield api
    finally:
        await api.aclose()


@pytest.fixture
async def logged_client(client: MsaClient) -> MsaClient:
    """`client`, logged in as Pierre Martin."""
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    return client


@pytest.fixture
def live_server(tmp_path: Path, pinned_today: date, isolated_dirs: Path) -> Iterator[str]:
    """The mock server on a free loopback port (a real socket); yields its root URL."""
    from msa_tui.mock_server.runner import ServerThread

    server = ServerThread(tmp_path / "live-data", host="127.0.0.1", port=0, today=pinned_today)
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
