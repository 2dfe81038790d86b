"""Kiosk papers: F6 mails the PDF just saved to the member's address, F7 prints it (when configured).

And the wizard's fallback keys (Alt+N / Alt+P), which GNU screen and plain SSH let through.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from msa_tui.core.config import Config
from tests.support.account_keys import outbox_of
from tests.support.members import OTHER_NIR
from tests.support.ui import MemoryKeyring, login, make_app, wait_for, wait_screen
from tests.support.wizard_keys import add_files_to, fill_document, open_wizard, wait_step
from tests.ui.test_kiosk import desk, kiosk_app, log_out_by_ctrl_q, shown  # noqa: F401  (desk: fixture)


async def test_f6_mails_the_attestation_saved_first_and_no_print_key_without_command(server_app, desk):  # noqa: F811
    app = kiosk_app(server_app, desk, MemoryKeyring())
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        app.open_page("attestations")
        await wait_screen(pilot, "AttestationsScreen")
        await pilot.pause()
        assert app.screen.check_action("mail_copy", ()) and not app.screen.check_action("print_paper", ())
        await pilot.press("f6")  # nothing obtained yet: saved first, then sent
        await wait_for(pilot, lambda: "envoyé par courriel" in shown(app, "#attestation-result"), rounds=500)
        saved = list(app.kiosk.folder.iterdir())
        assert len(saved) == 1
        mails = await outbox_of(server_app)
        assert mails[-1].attachment == saved[0].name
        await pilot.press("f7")  # no print command: the key does nothing
        await pilot.pause()
        assert "envoyé par courriel" in shown(app, "#attestation-result")


async def test_a_failing_printer_is_told_and_the_document_is_still_wiped_at_logout(server_app, desk):  # noqa: F811
    config = Config(server_url="http://testserver", kiosk=True, kiosk_documents_dir=str(desk),
                    print_command="false")
    app = make_app(server_app, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        folder = app.kiosk.folder
        app.open_page("documents")
        await wait_screen(pilot, "DocumentsScreen")
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Document enregistré" in shown(app, "#download-result"))
        await pilot.press("f7")
        await wait_for(pilot, lambda: "L'impression a échoué" in shown(app, "#download-result"), rounds=500)
        assert len(list(folder.iterdir())) == 1  # the same file, not saved twice
        await log_out_by_ctrl_q(pilot)
        assert list(folder.iterdir()) == []


async def test_the_wizard_by_alt_keys_and_its_receipt_mailed(server_app, desk):  # noqa: F811
    app = kiosk_app(server_app, desk, MemoryKeyring())
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, nir=OTHER_NIR)
        await open_wizard(pilot)
        await wait_step(pilot, 1)
        await pilot.press("enter", "alt+n")
        await wait_step(pilot, 2)
        await pilot.press("alt+p")  # and back, without Ctrl+←
        await wait_step(pilot, 1)
        await pilot.press("alt+n")
        await wait_step(pilot, 2)
        await pilot.press("enter")
        await wait_step(pilot, 3)
        await pilot.press("alt+n")
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=1, person=0, motif="Essai")
        await pilot.press("alt+n")
        await wait_step(pilot, 5)
        await add_files_to(pilot, 0, [1])
        await pilot.press("alt+n")
        await wait_step(pilot, 6)
        await pilot.press("space", "alt+n")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=500)
        receipt = app.screen.query_one("#receipt-path")
        name = Path(str(receipt.render()).split(" : ", 1)[1].strip()).name
        await pilot.press("f6")
        await wait_for(pilot, lambda: any("envoyé par courriel" in n.message for n in app._notifications),
                       rounds=500)
        mails = await outbox_of(server_app)
        assert mails[-1].attachment == name
