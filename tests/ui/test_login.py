"""Login screen: success, wrong password, lockout, empty password, NIR keystrokes, remember-me, demo panel."""

from __future__ import annotations

from textual.widgets import Input, Static

from msa_tui.core.nir import nir_key
from msa_tui.widgets.nir_input import NirField
from msa_tui.widgets.status import PortalHeader
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen
from tests.support.members import SOPHIE


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_login_success_reaches_dashboard_and_says_connected(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert app.screen.query_one(PortalHeader).text.endswith("○ Déconnecté")
        # Key by key here (the other tests' `login` pastes, as a password manager does).
        app.screen.query_one("#nir").focus()
        await type_text(pilot, DEMO_NIR)
        await pilot.press("enter")
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.me is not None)
        assert app.me is not None and app.me.first_name == "Pierre"
        await wait_for(pilot, lambda: type(app.screen).__name__ != "LoginScreen")
        assert app.screen.query_one(PortalHeader).text.endswith("● Connecté")


async def test_wrong_password_inline_message_keeps_nir_clears_password(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, password="pas-le-bon", wait=False)
        await wait_for(pilot, lambda: "incorrect" in text_of(app, "#login-error"))
        assert type(app.screen).__name__ == "LoginScreen"
        assert app.screen.query_one("#nir", Input).value == DEMO_NIR
        assert app.screen.query_one("#password", Input).value == ""
        assert app.me is None


async def test_lockout_after_five_failures_says_how_long(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, password="mauvais", wait=False)
        for attempt in range(5):
            await wait_for(pilot, lambda: app.screen.query_one("#password", Input).value == ""
                           and "cours" not in text_of(app, "#login-error"))
            if "verrouillé" in text_of(app, "#login-error"):
                break
            await type_text(pilot, "mauvais" if attempt < 4 else DEMO_PASSWORD)
            await pilot.press("enter")
        await wait_for(pilot, lambda: "verrouillé" in text_of(app, "#login-error"))
        message = text_of(app, "#login-error")
        assert "minute" in message and "15" in message
        assert app.me is None


async def test_empty_password_sends_nothing(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, password="", wait=False)
        await pilot.pause()
        assert text_of(app, "#login-error") == "Saisissez votre mot de passe."
        assert app._client is None or not app.client.logged_in


async def test_impossible_keystrokes_refused_with_french_messages(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        field = app.screen.query_one(NirField)
        await pilot.press("5")  # 3 and 4 are real sex digits now; 5 is not
        await pilot.pause()
        assert field.input.value == ""
        assert "refusé" in field.message and "premier chiffre" in field.message
        await type_text(pilot, "185x")
        await pilot.pause()
        assert field.input.value == "185"
        assert "chiffres" in field.message
        await type_text(pilot, "0")
        await pilot.pause()
        assert "13 caractères" in field.message and "4 saisis" in field.message
        await type_text(pilot, "72a123456")
        await pilot.pause()
        assert field.input.value == "185072A123456"
        assert field.message == "Numéro complet."
        await pilot.press("9")
        await pilot.pause()
        # A 14th character is possible (a key may follow): explained, not refused.
        assert "14 caractères" in field.message


async def test_pasted_nir_with_right_key_is_trimmed(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        field = app.screen.query_one(NirField)
        key = nir_key(DEMO_NIR)
        field.input.focus()
        from textual import events

        field.input.post_message(events.Paste(f"1 85 07 12 345 678 {key:02d}"))
        await wait_for(pilot, lambda: field.input.value == DEMO_NIR)
        await pilot.pause()
        assert "Clé vérifiée" in field.message
        field.input.value = ""
        await pilot.pause()
        wrong = (key % 97) + 1
        field.input.post_message(events.Paste(f"{DEMO_NIR}{wrong:02d}"))
        await wait_for(pilot, lambda: len(field.input.value) == 15)
        await pilot.pause()
        assert "clé" in field.message.lower() and "ne correspond pas" in field.message


async def test_show_password_toggle_by_key(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        password = app.screen.query_one("#password", Input)
        assert password.password is True
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert password.password is False
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert password.password is True


async def test_remember_nir_prefills_next_time(server_app):
    app = make_app(server_app)
    store = app.credentials
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        app.screen.query_one("#nir").focus()
        await type_text(pilot, DEMO_NIR)
        await pilot.press("enter")  # to the password
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("tab", "tab", "space")  # show-password, then remember-nir
        await pilot.pause()
        assert app.screen.query_one("#remember-nir").value is True
        await pilot.press("shift+tab", "shift+tab", "enter")
        await wait_for(pilot, lambda: app.me is not None)
    assert store.remembered_nir() == DEMO_NIR
    again = make_app(server_app, credentials=store)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await wait_for(pilot, lambda: again.screen.query_one("#nir", Input).value == DEMO_NIR)
        assert again.screen.query_one("#remember-nir").value is True


async def test_demo_panel_lists_members_and_fills_nir(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        panel = str(app.screen.query_one("#demo-accounts", Static).render())
        for name in ("Pierre Martin", "Sophie Le Gall", "Antoine Santoni", DEMO_PASSWORD, "2A"):
            assert name in panel
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#nir", Input).value == SOPHIE
        assert app.focused is app.screen.query_one("#password", Input)
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.me is not None)
        assert app.me.first_name == "Sophie"


async def test_no_demo_panel_outside_demo(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert not app.screen.query("#demo-accounts")
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#nir", Input).value == ""


async def test_no_keyring_warning_once_when_asked_to_remember(server_app):
    from keyring.backends.fail import Keyring as FailKeyring

    from msa_tui.core.credentials import CredentialStore

    app = make_app(server_app, credentials=CredentialStore(backend=FailKeyring()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert not list(app._notifications)
        app.screen.query_one("#remember-nir").focus()
        await pilot.press("space")
        await wait_for(pilot, lambda: len(list(app._notifications)) == 1)
        assert "trousseau" in list(app._notifications)[0].message.lower()
        await pilot.press("space", "space")
        await pilot.pause(0.2)
        assert len(list(app._notifications)) == 1


async def test_stay_connected_resumes_the_session_next_start(server_app):
    app = make_app(server_app)
    store = app.credentials
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        app.screen.query_one("#stay-connected").focus()
        await pilot.press("space")
        app.screen.query_one("#nir").focus()
        await login(pilot)
        assert store.load_tokens() is not None
        await pilot.press("ctrl+q")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
    assert store.load_tokens() is not None  # quitting keeps the session when asked to
    again = make_app(server_app, credentials=store)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: again.me is not None)
        assert again.me.first_name == "Pierre"
        await pilot.press("ctrl+l")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("enter")
        await wait_for(pilot, lambda: again.me is None)
    assert store.load_tokens() is None


async def test_tokens_not_kept_without_stay_connected(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        assert app.credentials.load_tokens() is None


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
        assert app.screen.query_one("#password").value == DEMO_PASSWORD
        assert app.focused is app.screen.query_one("#password")
