"""The wizard at 80 columns: the footer keeps the step keys, says what the button says, no toast
over the buttons, and no empty draft."""

from __future__ import annotations

from msa_tui.core.drafts import load_draft
from msa_tui.widgets.footer import MsaFooter
from tests.support.ui import make_app, wait_for, wait_screen
from tests.support.wizard_keys import (
    add_files_to, fill_document, sample_files, start, step1_object, step2_prepare,
    step3_count, step_title, text, wait_step,
)


def footer(app) -> str:
    return " · ".join(app.screen.query_one(MsaFooter).keys_shown())


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_step_keys_fit_the_footer_and_it_words_next_as_the_button(server_app, isolated_dirs):
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
        await add_files_to(pilot, 0, [1])
        # No toast over the buttons: the confirmation is on the status line beside them.
        assert not any("ajouté" in t for t in toasts(app))
        assert "1 fichier(s) ajouté(s) au document 1." in text(app, "#wizard-status")
        app.screen.query_one("#files-0").focus()
        await pilot.pause()
        keys = footer(app)
        # The footer names Alt+N / Alt+P (they pass through screen and SSH); Ctrl+→/← work too (F1).
        for wanted in ("Suppr Retirer", "esc Retour", "Alt+N Suivant", "Alt+P Préc.", "f1 Aide"):
            assert wanted in keys, keys
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        keys = footer(app)
        assert "Alt+N Envoyer" in keys and "Suivant" not in keys, keys
        await pilot.press("space")  # the attestation
        await pilot.press("ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: "Terminer" in footer(app), rounds=500)
        assert str(app.screen.query_one("#wizard-next").label) == "Terminer"
        assert "Suivant" not in footer(app) and not any("Envoi confirmé" in t for t in toasts(app))
        await pilot.press("ctrl+right")
        await wait_screen(pilot, "ContactScreen")


async def test_leaving_at_once_saves_no_empty_draft(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert step_title(app).startswith("Étape 1/7")
        await pilot.press("escape")
        await wait_screen(pilot, "ContactScreen")
        assert load_draft("send_document", app.me.id) is None
        await pilot.press("e")
        await wait_screen(pilot, "SendDocumentScreen")
        await wait_for(pilot, lambda: step_title(app).startswith("Étape 1/7"))
        assert type(app.screen).__name__ == "SendDocumentScreen"  # no « reprendre ? » dialog


async def test_a_chosen_object_is_still_kept_as_a_draft(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await wait_step(pilot, 1)
        await pilot.press("enter")  # the first object
        await pilot.pause()
        await pilot.press("escape")
        await wait_screen(pilot, "ContactScreen")
        assert load_draft("send_document", app.me.id) is not None
