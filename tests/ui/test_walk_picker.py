"""The file picker: Space shows the mark on the row at once; without colour the cursor has a pointer."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from msa_tui.widgets.file_picker import FilePicker, FileTree
from tests.support.ui import wait_for
from tests.support.wizard_data import PDF, constraints


class PickerApp(App[None]):
    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        yield FilePicker(constraints(), self.start)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a-facture.pdf").write_bytes(PDF)
    (tmp_path / "b-releve.pdf").write_bytes(PDF)
    (tmp_path / "sous-dossier").mkdir()
    return tmp_path


def rows(tree: FileTree) -> list[str]:
    return ["".join(s.text for s in tree.render_line(y)).rstrip() for y in range(tree.size.height)]


def cursor_row(tree: FileTree) -> str:
    return rows(tree)[tree.cursor_line - tree.scroll_offset.y]


async def _ready(pilot) -> FileTree:
    tree = pilot.app.query_one(FileTree)
    await wait_for(pilot, lambda: len(tree.root.children) == 3)
    tree.focus()
    await pilot.pause()
    return tree


async def test_space_shows_the_mark_on_the_row_at_once(tmp_path):
    app = PickerApp(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _ready(pilot)
        await pilot.press("down", "down")  # the root, the folder, then a-facture.pdf
        await wait_for(pilot, lambda: "a-facture.pdf" in cursor_row(tree))
        assert "[ ] a-facture.pdf" in cursor_row(tree)
        for expected in ("[x]", "[ ]", "[x]", "[ ]"):
            await pilot.press("space")
            await pilot.pause()
            assert f"{expected} a-facture.pdf" in cursor_row(tree)


@pytest.fixture
def no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")


async def test_without_colour_the_cursor_line_has_a_pointer(tmp_path, no_color):
    app = PickerApp(_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _ready(pilot)
        await pilot.press("down", "down")
        await wait_for(pilot, lambda: "a-facture.pdf" in cursor_row(tree))
        pointed = [row for row in rows(tree) if "› " in row]
        assert len(pointed) == 1 and "a-facture.pdf" in pointed[0]
        await pilot.press("down")
        await pilot.pause()
        pointed = [row for row in rows(tree) if "› " in row]
        assert len(pointed) == 1 and "b-releve.pdf" in pointed[0]


async def test_in_the_wizard_space_marks_the_row_at_80x24(server_app, isolated_dirs):
    from tests.support.ui import make_app, wait_screen
    from tests.support.wizard_keys import (
        fill_document, sample_files, start, step1_object, step2_prepare, step3_count, wait_step,
    )

    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await step1_object(pilot)
        await step2_prepare(pilot)
        await step3_count(pilot, 1)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=0, person=0, motif="Test")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        app.screen.query_one("#add-0").focus()
        await pilot.pause()
        await pilot.press("enter")
        await wait_screen(pilot, "FilePickerDialog")
        tree = app.screen.query_one(FileTree)
        await wait_for(pilot, lambda: tree.root.children)
        await pilot.press("down")
        await wait_for(pilot, lambda: "a-facture.pdf" in cursor_row(tree))
        for expected in ("[x]", "[ ]", "[x]", "[ ]"):
            await pilot.press("space")
            await pilot.pause()
            assert f"{expected} a-facture.pdf" in cursor_row(tree)
