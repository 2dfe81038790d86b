"""SVG snapshots of the extra pages: messages (list, thread), documents, profile (and a refused phone),
80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, TextArea

from tests.support.snapshots import SIZES, open_page, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


def _threads_shown(pilot) -> bool:
    return pilot.app.screen.query_one("#threads", OptionList).option_count > 0


@pytest.mark.parametrize("size", SIZES)
def test_messages_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "messages", "MessagesScreen", lambda: _threads_shown(pilot))
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_message_thread_with_reply_typed(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "messages", "MessagesScreen", lambda: _threads_shown(pilot))
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == 3)
        await type_text(pilot, "Merci pour votre aide")
        await steady(pilot, cursors="Input, TextArea")
        assert pilot.app.screen.query_one(TextArea).text == "Merci pour votre aide"

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_documents_table(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "documents", "DocumentsScreen",
                    lambda: pilot.app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("down", "down", "down")
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_profile(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "profile", "ProfileScreen", lambda: pilot.app.screen.me is not None)
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_profile_refused_phone(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "profile", "ProfileScreen", lambda: pilot.app.screen.me is not None)
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "06 12")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("phone").error != "")
        assert pilot.app.screen.query_one("#phone-input", Input).value == "06 12"
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
