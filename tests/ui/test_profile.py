"""« Mes informations personnelles »: identity masked, inline French checks, only good values stored."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.navigation import go_to
from tests.support.doubles import shown
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen


async def open_profile(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "profile")
    await wait_screen(pilot, "ProfileScreen")
    await wait_for(pilot, lambda: pilot.app.screen.me is not None)
    await pilot.pause()


async def replace_phone(pilot, text: str) -> None:
    """From the e-mail field (focused on arrival): Tab to the phone, clear it, type."""
    await pilot.press("tab")
    assert pilot.app.focused.id == "phone-input"
    await pilot.press("ctrl+a", "ctrl+k")
    await type_text(pilot, text)


async def stored_phone(make_client) -> str | None:
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    return (await api.me()).phone


async def test_identity_masks_the_nir_and_lists_the_household(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        identity = shown(app, "#identity")
        assert "Pierre Martin" in identity and "1 85 07 •• ••• •••" in identity
        assert DEMO_NIR not in identity
        assert "Lucas Martin, enfant" in shown(app, "#household")
        assert app.screen.query_one("#email-input", Input).value == "pierre.martin@example.fr"


async def test_bad_phone_says_why_in_french_and_sends_nothing(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        await replace_phone(pilot, "06 12 34")
        await pilot.press("tab")  # leaving the field checks it
        await pilot.pause()
        error = app.screen.field("phone").error
        assert "10 chiffres" in error
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "rien n'a été enregistré" in shown(app, "#profile-error")
        assert app.screen.query_one("#phone-input", Input).value == "06 12 34"
        assert await stored_phone(make_client) == "06 12 34 56 78"


async def test_good_phone_is_stored_and_the_session_profile_follows(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        await replace_phone(pilot, "05.65.12.34.56")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.me.phone == "05 65 12 34 56")
        assert app.screen.query_one("#phone-input", Input).value == "05 65 12 34 56"
        assert app.screen.field("phone").error == ""
        assert await stored_phone(make_client) == "05 65 12 34 56"


async def test_nothing_changed_sends_nothing(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sending is False
        assert shown(app, "#profile-error") == ""
        assert await stored_phone(make_client) == "06 12 34 56 78"


async def test_server_refusal_lands_under_its_field(server_app, make_client):
    """A rule only the server knows (it has the last word) still reaches the right field."""
    from msa_tui.api.errors import ValidationFailed
    from msa_tui.api.models import FieldError, Problem

    async def refuse(update):
        raise ValidationFailed(problem=Problem(
            title="Invalide", status=422, detail="Commune inconnue.", code="validation_error",
            errors=[FieldError(field="address.city", message="Cette commune n'existe pas pour ce code postal.")]))

    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_profile(pilot)
        app.client.update_contact = refuse
        await replace_phone(pilot, "0565123456")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.field("city").error != "")
        assert app.screen.field("city").error == "Cette commune n'existe pas pour ce code postal."
        assert "rien n'a été enregistré" in shown(app, "#profile-error")
        assert app.screen.query_one("#phone-input", Input).value == "0565123456"
