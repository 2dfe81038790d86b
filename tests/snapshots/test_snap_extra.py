"""SVG snapshots of the extra pages: messages (list, thread), documents, profile (and a refused phone), 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, TextArea

from ui_helpers import login, make_app, type_text, wait_for, wait_screen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


async def _open(pilot, page: str, screen: str, ready) -> None:
    await login(pilot)
    pilot.app.open_page(page)
    await wait_screen(pilot, screen)
    await wait_for(pilot, ready)


async def _steady(pilot) -> None:
    """Workers done, no toast, no blinking cursor: the SVG is the same on every run."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.clear_notifications()
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def _threads_shown(pilot) -> bool:
    return pilot.app.screen.query_one("#threads", OptionList).option_count > 0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_messages_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "messages", "MessagesScreen", lambda: _threads_shown(pilot))
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_message_thread_with_reply_typed(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "messages", "MessagesScreen", lambda: _threads_shown(pilot))
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == 3)
        await type_text(pilot, "Merci pour votre aide")
        await _steady(pilot)
        assert pilot.app.screen.query_one(TextArea).text == "Merci pour votre aide"

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_documents_table(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "documents", "DocumentsScreen",
                    lambda: pilot.app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("down", "down", "down")
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_profile(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "profile", "ProfileScreen", lambda: pilot.app.screen.me is not None)
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_profile_refused_phone(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "profile", "ProfileScreen", lambda: pilot.app.screen.me is not None)
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "06 12")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("phone").error != "")
        assert pilot.app.screen.query_one("#phone-input", Input).value == "06 12"
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
