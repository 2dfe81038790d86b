"""A hostile server: every text it sends carries escape sequences and markup; nothing reaches the terminal raw.

The corpus is appended to every display string of every JSON answer (by a transport double, after the
server: the mock server's own response models would clean it otherwise, and this must hold for the
client alone). Each page is opened and walked by keys; after each step, what the app would write to the
terminal is rendered and searched for the corpus's control sequences.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from msa_tui.app import MsaApp
from msa_tui.core.config import Config
from msa_tui.core.credentials import CredentialStore
from tests.support.navigation import go_to
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, MemoryKeyring, type_text, wait_for, wait_screen

CORPUS = (
    " [/] [@click=app.quit]x[/] [link=file:///etc/passwd]x[/] \x1b]0;T\x07 \x1b]52;c;cm0gLXJmIH4vKg==\x1b\\"
    " \x1b[2J \x9b31m \u202eRLO \u200bzw e" + "\u0301" * 4000
)
FORBIDDEN = ("\x07", "\x9b", "\x1b]", "\x1b[2J", "\x1b\\", "\u202e", "\u200b")
DISPLAY_KEYS = frozenset({
    "label", "place", "subject", "body", "title", "first_name", "last_name", "grantor_name", "grantee_name",
    "scope", "detail", "topic", "last_excerpt", "caisse", "message", "comment", "help",
    "beneficiary", "object_label", "appeal_routes",
})


def poison(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (v + CORPUS if k in DISPLAY_KEYS and isinstance(v, str) else poison(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v) for v in value]
    return value


class HostileTransport(httpx.AsyncBaseTransport):
    """The ASGI mock server, with the corpus added to every display string it answers."""

    def __init__(self, app: Any) -> None:
        self.inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = await response.aread()
        if "json" not in response.headers.get("content-type", ""):
            return httpx.Response(response.status_code, headers=response.headers, content=body)
        data = poison(json.loads(body))
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return httpx.Response(response.status_code, headers=headers, content=json.dumps(data).encode())


def terminal_output(app: MsaApp) -> str:
    """What the app would write to the terminal for a full repaint of the current screen."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console) if update is not None else ""


class Walk:
    def __init__(self, app: MsaApp, pilot: Any) -> None:
        self.app, self.pilot, self.seen = app, pilot, []

    async def check(self, where: str) -> None:
        await self.pilot.pause()
        out = terminal_output(self.app)
        for bad in FORBIDDEN:
            assert bad not in out, f"{where}: {bad!r} reached the terminal"
        assert "\u0301" * 5 not in out, f"{where}: a run of combining marks was not capped"
        assert "etc/passwd" not in out.split("\x1b]8;")[0] or "\x1b]8;" not in out, where
        self.seen.append(out)


def make_hostile_app(server_app: Any) -> MsaApp:
    return MsaApp(Config(server_url="http://testserver"), server_url="http://testserver",
                  transport=HostileTransport(server_app), credentials=CredentialStore(backend=MemoryKeyring()),
                  client_kwargs={"backoff": 0.0})


PAGES = [
    ("profile", ()), ("messages", ("down", "enter")), ("documents", ("down", "down")),
    ("payments", ("down",)), ("services", ("down", "down", "enter")), ("requests", ("down", "enter")),
    ("declarations", ("down",)), ("quotient_familial", ()), ("appointments", ("p",)),
    ("procurations", ("down",)), ("assistance", ()), ("contact", ()), ("attestations", ()),
    ("send_document", ()),
]


async def log_in(pilot: Any, walk: Walk) -> None:
    """A wrong password first (its 401 detail is hostile), then the right one; each screen checked."""
    app = pilot.app
    await wait_screen(pilot, "LoginScreen")
    app.screen.query_one("#nir").focus()
    await type_text(pilot, DEMO_NIR)
    await pilot.press("enter")
    await type_text(pilot, "pas-le-bon")
    await pilot.press("enter")
    # The 401 detail holds "[@click=app.quit]" and "[/]": shown literally, the app still runs.
    await wait_for(pilot, lambda: "app.quit" in str(app.screen.query_one("#login-error").render()))
    await walk.check("login error")
    assert "[@click=app.quit]x[/]" in str(app.screen.query_one("#login-error").render())
    await type_text(pilot, DEMO_PASSWORD)
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.me is not None)
    await wait_screen(pilot, "DashboardScreen")
    await wait_for(pilot, lambda: not app.screen.query(".-loading"), rounds=50)
    await walk.check("dashboard")


async def loaded(pilot: Any) -> None:
    """Every worker of the app is done (the page's data is shown, or its failure)."""
    await wait_for(pilot, lambda: all(worker.is_finished for worker in pilot.app.workers))


async def test_hostile_login_and_dashboard_never_reach_the_terminal_raw(server_app):
    app = make_hostile_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        walk = Walk(app, pilot)
        await log_in(pilot, walk)
        assert app.is_running
    # The corpus stayed readable: its brackets and the residue of the escape sequences are on screen.
    everything = "".join(walk.seen)
    assert "[@click=app.quit]x[/]" in everything
    assert "]0;T" in everything


# One test per page (xdist spreads them); each logs in through the same hostile answers first.
@pytest.mark.parametrize(("name", "keys"), PAGES, ids=[name for name, _ in PAGES])
async def test_hostile_server_text_never_reaches_the_terminal_raw(server_app, name, keys):
    app = make_hostile_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        walk = Walk(app, pilot)
        await log_in(pilot, walk)
        await go_to(pilot, name)
        await wait_for(pilot, lambda: app.screen.is_mounted and type(app.screen).__name__ != "DashboardScreen")
        await loaded(pilot)
        await walk.check(name)
        for key in keys:
            await pilot.press(key)
            await loaded(pilot)
            await walk.check(f"{name} after {key}")
        while type(app.screen).__name__ != "DashboardScreen":
            app.pop_screen()
            await pilot.pause()
        assert app.is_running
