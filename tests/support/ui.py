"""Helpers for Pilot tests: an MsaApp wired to the in-process mock server, and a keyboard login."""

from __future__ import annotations

import time

from typing import Any

import httpx

from msa_tui.app import MsaApp
from msa_tui.core.config import Config

from tests.support.members import DEMO_NIR, DEMO_PASSWORD


class FakeClock:
    """A monotonic clock tests move by hand (idle timer), so no test sleeps."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class MemoryKeyring:
    """A CredentialStore backend in memory (tests must never touch the real keyring)."""

    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def make_app(server_app: Any, *, config: Config | None = None, demo: bool = False,
             credentials: Any = None, idle_clock: Any = None, **config_fields: Any) -> MsaApp:
    """An MsaApp whose client talks to `server_app` through httpx.ASGITransport (no socket).

    `config_fields` build a Config (e.g. idle_timeout_s=120); credentials default to a
    CredentialStore over an in-memory keyring.
    """
    from msa_tui.core.credentials import CredentialStore

    if config is None:
        config = Config(server_url="http://testserver", **config_fields)
    if credentials is None:
        credentials = CredentialStore(backend=MemoryKeyring())
    return MsaApp(
        config,
        server_url="http://testserver",
        transport=httpx.ASGITransport(app=server_app),
        demo=demo,
        credentials=credentials,
        idle_clock=idle_clock,
        client_kwargs={"backoff": 0.0},
    )


async def wait_for(pilot: Any, predicate: Any, *, rounds: int = 200, timeout: float = 30.0,
                   explain: Any = None) -> None:
    """Let the app process messages (and workers) until `predicate()` holds.

    Fails after at least `rounds` pauses *and* `timeout` seconds: a loaded 2-core CI
    machine is slow, and this is a deadline against hangs, not a speed assertion.
    `explain()`, if given, says in the failure what the app showed instead.
    """
    deadline = time.monotonic() + timeout
    done = 0
    while True:
        if predicate():
            return
        if done >= rounds and time.monotonic() > deadline:
            raise AssertionError("condition never became true" + (f": {explain()}" if explain else ""))
        await pilot.pause(0.01)
        done += 1


async def wait_screen(pilot: Any, cls_name: str) -> None:
    """Wait until the top screen is a `cls_name` and is mounted (its widgets queryable)."""
    await wait_for(
        pilot, lambda: type(pilot.app.screen).__name__ == cls_name and pilot.app.screen.is_mounted
    )
    await pilot.pause()


async def type_text(pilot: Any, text: str) -> None:
    """Type `text` one key at a time, as a user would."""
    await pilot.press(*[_key(ch) for ch in text])


async def paste_text(pilot: Any, text: str) -> None:
    """Paste `text` into the focused field, as a terminal delivers a paste (one bracketed event)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def _key(ch: str) -> str:
    names = {" ": "space", "-": "minus", ".": "full_stop", "'": "apostrophe", "@": "at", "_": "underscore",
             ",": "comma"}
    return names.get(ch, ch)


async def login(pilot: Any, nir: str = DEMO_NIR, password: str = DEMO_PASSWORD, *, wait: bool = True) -> None:
    """Log in through the login screen by keys: NIR, Tab to the password, Enter."""
    await wait_screen(pilot, "LoginScreen")
    app = pilot.app
    await pilot.pause()
    app.screen.query_one("#nir").focus()
    await pilot.pause()
    # Pasted, as a password manager fills the form (test_login types them key by key).
    await paste_text(pilot, nir)
    await pilot.press("enter")
    await paste_text(pilot, password)
    await pilot.press("enter")
    if wait:
        await wait_for(pilot, lambda: app.me is not None)
        await pilot.pause()
