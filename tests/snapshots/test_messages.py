"""SVG snapshots of « Nous envoyer un message »: the list of threads, a thread with a reply typed, a thread
showing a file the MSA sent, a reply with a file joined; 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, TextArea

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen
from tests.support.wizard_keys import pick_files, sample_files

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


@pytest.mark.parametrize("size", SIZES)
def test_message_thread_showing_a_received_file(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "messages", lambda: _threads_shown(pilot))
        await pilot.press("down", "down", "enter")  # Prime d'activité: the MSA's answer carries a PDF
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(pilot.app.screen.query(".received-attachments")) == 1)
        await pilot.press("shift+tab")  # onto the file: Entrée would save it
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_reply_form_with_a_file_joined(snap_compare, server_app, isolated_dirs, size):
    sample_files(isolated_dirs)

    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "messages", lambda: _threads_shown(pilot))
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == 3)
        await type_text(pilot, "Voici la facture demandée")
        await pilot.press("ctrl+o")
        await pick_files(pilot, [1], then="NatureDialog")
        await pilot.press("down", "down", "enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#joined-list", OptionList).option_count == 1)
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
