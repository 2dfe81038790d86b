"""What the snapshot tests share: the frozen moment, the two terminal sizes, opening a page, a still picture.

Imported by module name (`from snap_helpers import ...`): a conftest.py here would clash with tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ui_helpers import login, wait_for, wait_screen

FROZEN = "2026-11-15T10:00:00+01:00"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def frozen(monkeypatch, isolated_dirs):
    """The app's clock stopped at FROZEN, in temp dirs: the same dates on every run."""
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", FROZEN)


async def open_page(pilot, page: str, screen: str, ready: Callable[[], bool], **kwargs: object) -> None:
    """Log in, open `page` by its registry name and wait until `ready()` says its data is shown."""
    await login(pilot)
    pilot.app.open_page(page, **kwargs)
    await wait_screen(pilot, screen)
    await wait_for(pilot, ready)


async def steady(pilot, *, cursors: str = "Input", clear_toasts: bool = True, wait_workers: bool = True) -> None:
    """Workers done, (no toast,) no blinking cursor in `cursors`: the SVG is the same on every run."""
    app = pilot.app
    if wait_workers:
        await app.workers.wait_for_complete()
    await pilot.pause()
    if clear_toasts:
        app.clear_notifications()
    for widget in app.screen.query(cursors):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
