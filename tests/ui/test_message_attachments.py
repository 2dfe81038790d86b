"""Files on messages, by keys: join one to a reply (picker, nature), save one the MSA sent, a medical
document stopped as in the wizard, a file refused by its type."""

from __future__ import annotations

import stat

from textual.widgets import OptionList, Static

from msa_tui.core import paths
from msa_tui.mock_server.catalogue_data import MEDICAL_NATURES, NATURES
from tests.support.ui import make_app, type_text, wait_for, wait_screen
from tests.support.wizard_keys import ELF, pick_files, sample_files
from tests.ui.test_messages import open_messages, open_new_thread, server_thread


async def open_thread(pilot, downs: int, messages: int) -> None:
    await open_messages(pilot)
    for _ in range(downs):
        await pilot.press("down")
    await pilot.press("enter")
    await wait_screen(pilot, "ThreadScreen")
    await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == messages)


def joined(app) -> list[str]:
    listing = app.screen.query_one("#joined-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def line(app, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def join_by_keys(pilot, marks: list[int], nature_downs: int = 0, *, show_all: bool = False) -> None:
    """Ctrl+O, mark the files, Ctrl+A, then the nature (Down × n, Entrée)."""
    await pilot.press("ctrl+o")
    await pick_files(pilot, marks, show_all=show_all, then="NatureDialog")
    for _ in range(nature_downs):
        await pilot.press("down")
    await pilot.press("enter")
    await wait_screen(pilot, "ThreadScreen")
    await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers if w.group == "attach-pick"])
    await pilot.pause()


async def test_a_reply_carries_the_file_joined_by_keys(server_app, make_client, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thread(pilot, 0, 3)
        await type_text(pilot, "Voici la facture")
        await join_by_keys(pilot, [1])
        assert joined(app) and joined(app)[0].startswith("1. a-facture.pdf") and "PDF" in joined(app)[0]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 4)
        assert joined(app) == [] and app.screen.query(".received-attachments")
    api, summary = await server_thread(make_client, "Aide au répit : dossier complet ?")
    last = (await api.thread(summary.id)).messages[-1]
    assert last.body == "Voici la facture" and [a.name for a in last.attachments] == ["a-facture.pdf"]
    assert last.attachments[0].nature is not None


async def test_a_file_the_msa_sent_is_saved_private_with_enter(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thread(pilot, 2, 3)  # Prime d'activité: the MSA's last answer carries its notification
        received = app.screen.query_one(".received-attachments", OptionList)
        assert "Notification prime d'activité.pdf" in str(received.get_option_at_index(0).prompt)
        await pilot.press("shift+tab")
        assert app.focused is received
        await pilot.press("enter")
        await wait_for(pilot, lambda: "enregistrée" in line(app, "#attachment-result"))
    saved = paths.downloads_dir() / "Notification prime d'activité.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


async def test_a_medical_document_is_stopped_with_the_postal_address(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thread(pilot, 0, 3)
        medical = [n.code for n in NATURES].index(MEDICAL_NATURES[0])  # the server's list, in its order
        await join_by_keys(pilot, [1], nature_downs=medical)
        said = line(app, "#joined-refusals")
        assert "ARRÊT" in said and "courrier postal" in said and "Adresse du service médical" in said
        assert joined(app) == []


async def test_a_program_is_refused_with_the_wizard_words(server_app, isolated_dirs):
    docs = sample_files(isolated_dirs)["a-facture.pdf"].parent
    (docs / "0-programme.pdf").write_bytes(ELF)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_thread(pilot, 0, 3)
        await join_by_keys(pilot, [1])
        assert "programme exécutable" in line(app, "#joined-refusals") and joined(app) == []


async def test_the_new_message_form_joins_files_and_checks_its_fields(server_app, make_client, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_thread(pilot)
        await pilot.press("ctrl+o")
        await pick_files(pilot, [3], then="NatureDialog")
        await pilot.press("enter")
        await wait_screen(pilot, "NewThreadScreen")
        await wait_for(pilot, lambda: bool(joined(app)))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "objet" in app.screen.query_one("#subject-field").error
        app.screen.query_one("#subject-input").focus()
        await type_text(pilot, "Ma question")
        await pilot.press("tab")
        await pilot.press("enter")
        await pilot.press("down")
        await pilot.press("enter")
        await pilot.press("tab")
        await type_text(pilot, "Ci-joint la page")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: app.screen.query(".received-attachments"))
    api, summary = await server_thread(make_client, "Ma question")
    assert [a.name for a in (await api.thread(summary.id)).messages[0].attachments] == ["c-page2.pdf"]

