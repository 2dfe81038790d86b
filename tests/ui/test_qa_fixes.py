"""Regressions found while using the app as a member, a counter agent and support over SSH (QA)."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from msa_tui.widgets.footer import MsaFooter
from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.support.wizard_keys import (
    add_files_to, fill_document, sample_files, start, step1_object, step2_prepare, step3_count,
    text, wait_step,
)


def footer_keys(app) -> list[str]:
    return app.screen.query_one(MsaFooter).keys_shown()


async def reach_recap(pilot) -> None:
    await start(pilot)
    await step1_object(pilot)
    await step2_prepare(pilot)
    await step3_count(pilot, 1)
    await wait_step(pilot, 4)
    await fill_document(pilot, nature=1, person=0, motif="Demenagement")
    await pilot.press("ctrl+right")
    await wait_step(pilot, 5)
    await add_files_to(pilot, 0, [1])
    await pilot.press("ctrl+right")
    await wait_step(pilot, 6)


async def test_wizard_footer_keeps_the_way_out_and_offers_only_what_works(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await wait_step(pilot, 1)
        keys = footer_keys(app)
        # Nothing to retry and nowhere to go back to on step 1; Escape is not a second "Quitter".
        assert not any("Réessayer" in k or "Précédent" in k for k in keys)
        assert "esc Retour" in keys
        # Ctrl+L still works here but is left off this footer: the step keys need the room (issue 11).
        assert {"f1 Aide", "^q Quitter"} <= set(keys)
        await step1_object(pilot)
        await step2_prepare(pilot)
        await step3_count(pilot, 2)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=1, person=0, motif="Demenagement")
        await fill_document(pilot, nature=2, person=1, motif="Revenus")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        app.screen.query_one("#files-0").focus()
        await pilot.pause()
        # The files' own keys (Monter/Descendre/Retirer) used to push F1, Ctrl+Q and Ctrl+L off the line.
        assert {"f1 Aide", "^q Quitter", "Suppr Retirer", "esc Retour", "^→ Suivant"} <= set(footer_keys(app))


async def test_attestation_is_shown_whole_and_its_refusal_goes_once_ticked(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_recap(pilot)
        box = app.screen.query_one("#attestation")
        assert box.size.height > 1  # wrapped, not cut with an ellipsis at 80 columns
        await pilot.press("ctrl+right")
        await wait_for(pilot, lambda: "attestation" in text(app, "#wizard-errors"))
        await pilot.press("space")
        await wait_for(pilot, lambda: app.screen.wizard.attestation)
        await pilot.pause()
        assert not app.screen.query_one("#wizard-errors").display


async def test_receipt_has_the_focus_so_the_keys_scroll_it(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_recap(pilot)
        await pilot.press("space")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=500)
        await wait_for(pilot, lambda: app.focused is not None)
        pane = app.screen.query_one("#step-7")
        assert app.focused is pane
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: pane.scroll_y > 0)
        keys = footer_keys(app)
        assert not any("Précédent" in k or "Réessayer" in k for k in keys)


async def test_palette_prompt_is_french(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "MsaCommandPalette")
        prompt = app.screen.query_one("CommandInput").placeholder
        assert prompt.startswith("Rechercher")


async def test_help_writes_the_highlighted_key_description_in_full(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("f1")
        await wait_screen(pilot, "HelpScreen")
        table = app.screen.query_one(DataTable)
        await pilot.press("down")
        await pilot.pause()
        description = str(table.get_row_at(table.cursor_row)[3])
        detail = str(app.screen.query_one("#help-detail", Static).render())
        assert len(description) > 14 and description in detail


async def test_login_keeps_the_password_when_the_server_is_out_of_reach(server_app, isolated_dirs, monkeypatch):
    from msa_tui.api.client import MsaClient
    from msa_tui.api.errors import NetworkDown

    async def down(self, nir, password):
        raise NetworkDown()

    monkeypatch.setattr(MsaClient, "login", down)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, wait=False)
        await wait_for(pilot, lambda: "Connexion impossible" in str(app.screen.query_one("#login-error").render()))
        # The password was never checked: the member presses Enter again once the network is back.
        assert app.screen.query_one("#password").value == "demo-msa-2026"
        assert app.focused is app.screen.query_one("#password")
