"""Lines that outlive their cause: the login's refusal after a visit to S'inscrire, a corrected date."""

from __future__ import annotations

from textual.widgets import Static

from tests.support.account_keys import field_error, fill, form_error, open_from_login
from tests.support.members import DEMO_NIR
from tests.support.ui import make_app, type_text, wait_for, wait_screen


def login_error(app) -> str:
    return str(app.screen.query_one("#login-error", Static).render()).strip()


async def test_back_from_register_the_login_refusal_is_gone(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        app.screen.query_one("#nir").focus()
        await pilot.pause()
        await type_text(pilot, DEMO_NIR)
        await pilot.press("enter")
        await type_text(pilot, "pas-le-bon")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "incorrect" in login_error(app).lower() or "reste" in login_error(app))
        await pilot.press("ctrl+n")
        await wait_screen(pilot, "RegisterScreen")
        await pilot.press("escape")
        await wait_screen(pilot, "LoginScreen")
        assert login_error(app) == ""


async def test_a_corrected_date_loses_its_error_at_once(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "Roux", "31/02/1988", "jeanne.roux@example.fr"])
        await wait_for(pilot, lambda: field_error(app, "birth_date") == "Cette date n'existe pas.")
        assert app.screen.focused.id == "birth_date-input"
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "14/03/198")
        assert field_error(app, "birth_date") != ""  # not right yet: the error stays while typing
        await type_text(pilot, "8")
        await pilot.pause()
        assert field_error(app, "birth_date") == ""
        assert form_error(app).strip() == ""  # « Corrigez les champs signalés » went with it
        assert app.screen.step == "step-form"  # nothing was sent


async def test_leaving_a_field_says_what_is_wrong_now(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "Roux", "31/02/1988", "jeanne.roux@example.fr"])
        await wait_for(pilot, lambda: field_error(app, "birth_date") != "")
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "14/13")
        await pilot.press("tab")
        await pilot.pause()
        assert field_error(app, "birth_date") not in ("", "Cette date n'existe pas.")
