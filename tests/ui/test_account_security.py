"""Sécurité du compte by keys: the second factor switched on from the profile, then a login with the
code copied from the demo outbox; a refused password change says why under its field."""

from __future__ import annotations

from tests.support.doubles import shown
from tests.support.navigation import go_to
from tests.support.ui import DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen


async def open_security(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "profile")
    await wait_screen(pilot, "ProfileScreen")
    await wait_for(pilot, lambda: pilot.app.screen.me is not None)
    await pilot.press("ctrl+t")
    await wait_screen(pilot, "AccountSecurityScreen")
    await wait_for(pilot, lambda: pilot.app.screen.settings is not None)


async def test_a_weak_new_password_is_refused_under_its_field(server_app) -> None:
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_security(pilot)
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("tab")
        await type_text(pilot, "motdepasse2026")
        await pilot.press("tab")
        await type_text(pilot, "motdepasse2026")
        await pilot.press("ctrl+s")
        field = app.screen.query_one("#new_password-field")
        await wait_for(pilot, lambda: bool(field.error))
        assert "plus courants" in field.error


async def test_two_factor_on_then_login_with_the_code_from_the_outbox(server_app) -> None:
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_security(pilot)
        assert not app.screen.settings.two_factor
        app.screen.query_one("#two_factor_password-input").focus()
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("tab", "enter")
        await wait_for(pilot, lambda: app.screen.settings.two_factor)
        assert "Activée" in shown(app, "#two-factor-state")
        await pilot.press("ctrl+l")  # Déconnexion: a confirmation when asked, then the login screen
        await pilot.pause()
        if app.screen.__class__.__name__ != "LoginScreen":
            await pilot.press("o")
        await login(pilot, wait=False)
        await wait_screen(pilot, "LoginCodeScreen")
        assert "p…@example.fr" in shown(app, "#login-code-sent")
        await pilot.press("f6")
        await wait_screen(pilot, "OutboxModal")
        await wait_for(pilot, lambda: app.screen.code is not None)
        await pilot.press("u")
        await wait_screen(pilot, "LoginCodeScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.me is not None)
