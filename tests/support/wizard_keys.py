"""Keyboard helpers for the send-document wizard's Pilot tests (and its snapshots)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.support.images import png
from tests.support.ui import login, type_text, wait_for, wait_screen

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64


def documents_dir(home: Path) -> Path:
    """The picker starts in ~/Documents: tests put their files there."""
    docs = home / "Documents"
    docs.mkdir(exist_ok=True)
    return docs


def sample_files(home: Path) -> dict[str, Path]:
    docs = documents_dir(home)
    files = {
        "a-facture.pdf": PDF + b"facture",
        "b-page1.png": png(1),
        "c-page2.pdf": PDF + b"page2",
    }
    out = {}
    for name, data in files.items():
        (docs / name).write_bytes(data)
        out[name] = docs / name
    return out


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def step_title(app) -> str:
    return text(app, "#wizard-title")


async def open_wizard(pilot) -> None:
    """From the dashboard, by keys: C (Contact & échanges), then E (Envoyer un document)."""
    await wait_screen(pilot, "DashboardScreen")
    await pilot.press("c")
    await wait_screen(pilot, "ContactScreen")
    await pilot.press("e")
    await wait_screen(pilot, "SendDocumentScreen")
    await wait_for(pilot, lambda: "Étape" in step_title(pilot.app)
                   or pilot.app.screen.__class__.__name__ != "SendDocumentScreen")


async def start(pilot) -> None:
    await login(pilot)
    await open_wizard(pilot)


async def wait_step(pilot, k: int) -> None:
    await wait_for(pilot, lambda: step_title(pilot.app).startswith(f"Étape {k}/7"))
    await pilot.pause()


async def choose_in_select(pilot, downs: int) -> None:
    """The focused Select: open it, move `downs` lines, pick."""
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def step1_object(pilot, downs: int = 0) -> None:
    await wait_step(pilot, 1)
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.press("ctrl+right")


async def step2_prepare(pilot) -> None:
    await wait_step(pilot, 2)
    await pilot.press("enter")  # the focused "d'autres documents" button


async def step3_count(pilot, count: int) -> None:
    await wait_step(pilot, 3)
    if count != 1:
        await choose_in_select(pilot, count - 1)
    await pilot.press("ctrl+right")


async def fill_document(pilot, nature: int, person: int, motif: str) -> None:
    """With focus on a blank document's nature Select: nature, Tab, person, Tab, motif, Tab.

    `nature`/`person` are 0-based option indexes (a blank Select needs one more Down).
    """
    await choose_in_select(pilot, nature + 1)
    await pilot.press("tab")
    await choose_in_select(pilot, person + 1)
    await pilot.press("tab")
    await type_text(pilot, motif)
    await pilot.press("tab")


async def pick_files(pilot, marks: list[int], *, show_all: bool = False, then: str = "SendDocumentScreen") -> None:
    """In the picker: move down to each line index in `marks` (1 = first entry), Space, then Ctrl+A;
    waits for the screen `then` (the wizard, or the next dialog of a message's attachment)."""
    await wait_screen(pilot, "FilePickerDialog")
    await pilot.pause()
    tree = pilot.app.screen.query_one("#picker-tree")
    if show_all:
        await pilot.press("a")
    await wait_for(pilot, lambda: tree.root.children)
    await pilot.pause()
    line = 0
    for target in marks:
        while line < target:
            await pilot.press("down")
            line += 1
        await pilot.press("space")
    await pilot.press("ctrl+a")
    await wait_screen(pilot, then)
    await pilot.pause()


async def add_files_to(pilot, index: int, marks: list[int], **kw) -> None:
    pilot.app.screen.query_one(f"#add-{index}").focus()
    await pilot.pause()
    await pilot.press("enter")
    await pick_files(pilot, marks, **kw)


async def one_document_to_recap(pilot, motif: str) -> None:
    """At step 4 with one blank document: first nature, first person, `motif`, the first file of
    ~/Documents; returns at step 6 (the recap, attestation not ticked)."""
    await fill_document(pilot, nature=1, person=0, motif=motif)
    await pilot.press("ctrl+right")
    await wait_step(pilot, 5)
    await add_files_to(pilot, 0, [1])
    await pilot.press("ctrl+right")
    await wait_step(pilot, 6)


async def send_one_document(pilot, motif: str) -> None:
    """From step 1: the first object, one document (see `one_document_to_recap`), the attestation ticked,
    sent; returns once the receipt is on show."""
    await step1_object(pilot)
    await step2_prepare(pilot)
    await step3_count(pilot, 1)
    await wait_step(pilot, 4)
    await one_document_to_recap(pilot, motif)
    await pilot.press("space", "ctrl+right")
    await wait_step(pilot, 7)
    await wait_for(pilot, lambda: pilot.app.screen.query("#receipt-view"), rounds=500)
