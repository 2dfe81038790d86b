"""SVG snapshots of « Nous envoyer un message »: the list of threads and a thread with a reply typed,
80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, TextArea

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


def _threads_shown(pilot) -> bool:
    return pilot.app.screen.query_one("#threads", OptionList).option_count > 0


@pytest.mark.parametrize("size", SIZES)
def test_messages_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "messages", lambda: _threads_shown(pilot))
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_message_thread_with_reply_typed(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "messages", lambda: _threads_shown(pilot))
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == 3)
        await type_text(pilot, "Merci pour votre aide")
        await steady(pilot, cursors="Input, TextArea")
        assert pilot.app.screen.query_one(TextArea).text == "Merci pour votre aide"

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
