"""What the snapshot tests share: the frozen moment, the two terminal sizes, opening a page, a still picture.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support.navigation import go_to
from tests.support.ui import login, wait_for

FROZEN = "2026-11-15T10:00:00+01:00"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def log_in_and_go_to(pilot, page: str, ready: Callable[[], bool]) -> None:
    """Log in, reach `page` by keys (see go_to) and wait until `ready()` says its data is shown."""
    await login(pilot)
    await go_to(pilot, page)
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
