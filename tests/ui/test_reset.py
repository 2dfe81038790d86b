"""Mot de passe oublié by keys: NIR and e-mail → code (demo outbox) → new password → login with it."""

from __future__ import annotations

from tests.support.account_keys import (
    code_from_outbox_modal,
    field_error,
    field_value,
    fill,
    form_error,
    login_with_prefilled_nir,
    open_from_login,
    outbox_of,
    wait_step_code,
)
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, wait_for, wait_screen

PIERRE_EMAIL = "pierre.martin@example.fr"
NEW_PASSWORD = "nouveau-secret-2026"


async def test_reset_password_by_keys_then_login_with_the_new_one(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+o", "PasswordResetScreen")
        await fill(pilot, [DEMO_NIR, PIERRE_EMAIL])
        await wait_step_code(pilot)
        assert PIERRE_EMAIL in str(app.screen.query_one("#code-sent").render())
        await code_from_outbox_modal(pilot)
        await fill(pilot, [NEW_PASSWORD, NEW_PASSWORD])
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        assert "Votre mot de passe est changé" in str(app.screen.query_one("#login-notice").render())
        assert app.screen.query_one("#nir").value == DEMO_NIR
        await login_with_prefilled_nir(pilot, NEW_PASSWORD)
        assert app.me.first_name == "Pierre"


async def test_old_password_no_longer_works_after_reset(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+o", "PasswordResetScreen")
        await fill(pilot, [DEMO_NIR, PIERRE_EMAIL])
        await wait_step_code(pilot)
        await code_from_outbox_modal(pilot)
        await fill(pilot, [NEW_PASSWORD, NEW_PASSWORD])
        await wait_screen(pilot, "LoginScreen")
        await login(pilot, nir="", password=DEMO_PASSWORD, wait=False)
        await wait_for(pilot, lambda: "incorrect" in str(app.screen.query_one("#login-error").render()))
        assert app.me is None


async def test_reset_wrong_code_is_refused_inline(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+o", "PasswordResetScreen")
        await fill(pilot, [DEMO_NIR, PIERRE_EMAIL])
        await wait_step_code(pilot)
        (mail,) = [m for m in await outbox_of(server_app) if m.to == PIERRE_EMAIL]
        wrong = "123456" if "123456" not in mail.body else "654321"
        await fill(pilot, [wrong, NEW_PASSWORD, NEW_PASSWORD])
        await wait_for(pilot, lambda: field_error(app, "code") != "")
        assert app.screen.step == "step-code"
        assert field_value(app, "password") == NEW_PASSWORD


async def test_reset_step_one_checks_fields(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+o", "PasswordResetScreen")
        await fill(pilot, ["18507", "pierre"])
        await pilot.pause()
        assert field_error(app, "nir") != ""
        assert "Adresse e-mail invalide" in field_error(app, "email")
        assert "Corrigez" in form_error(app)
        assert field_value(app, "nir") == "18507"
