"""The login screen in the high-contrast theme (issue 9), at 80x24."""

from __future__ import annotations

import pytest

from msa_tui.themes import HIGH_CONTRAST
from tests.support.snapshots import steady
from tests.support.ui import make_app, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


def test_login_screen_high_contrast(snap_compare, server_app, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(server_app, theme=HIGH_CONTRAST.name)

    async def run_before(pilot) -> None:
        await wait_screen(pilot, "LoginScreen")
        await steady(pilot, clear_toasts=False, wait_workers=False)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
