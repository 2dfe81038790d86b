"""Local text is outside text too: file names in the picker and the wizard, pasted text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from msa_tui.widgets.file_picker import FileTree
from msa_tui.widgets.safe import plain
from tests.support.ui import make_app, paste_text, wait_screen

HOSTILE_NAME = "[/][@click=app.quit]x\x1b]0;T\x07\u202e.pdf"


def test_the_picker_shows_a_hostile_file_name_literally(tmp_path: Path):
    label = FileTree(tmp_path, {".pdf"}).process_label(HOSTILE_NAME)
    assert "\x1b" not in label.plain and "\x07" not in label.plain and "\u202e" not in label.plain
    assert label.plain.startswith("[/][@click=app.quit]x") and label.spans == []


def test_plain_never_reads_markup():
    content = plain(HOSTILE_NAME)
    assert content.plain.startswith("[/][@click=app.quit]x]0;T") and not content.spans


async def test_pasted_escape_sequences_never_reach_a_field(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        app.screen.query_one("#password", Input).focus()
        await pilot.pause()
        await paste_text(pilot, "mot\x1b]52;c;cm0=\x07de\u202epasse")
        assert app.screen.query_one("#password", Input).value == "mot]52;c;cm0=depasse"
