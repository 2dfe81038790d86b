"""The shell: header words, F1 help, command palette pages, placeholder pages, keymap, quit."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from msa_tui.core.config import Config
from msa_tui.widgets.status import PortalHeader
from tests.support.ui import login, make_app, type_text, wait_for, wait_screen


def header_text(app) -> str:
    return app.screen.query_one(PortalHeader).text


async def test_header_names_portal_and_connection_in_words(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        text = header_text(app)
        assert "Mon espace privé — MSA" in text and "○ Déconnecté" in text
        await login(pilot)
        await wait_for(pilot, lambda: app.screen.query(PortalHeader))
        assert "● Connecté" in header_text(app)


async def test_f1_lists_current_screen_bindings_with_ids(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.press("f1")
        await wait_screen(pilot, "HelpScreen")
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        ids = {row[2] for row in rows}
        assert {"login.toggle_password", "login.register", "app.help", "app.quit"} <= ids
        assert any("Afficher ou masquer le mot de passe" in row[3] for row in rows)
        await pilot.press("escape")
        await wait_screen(pilot, "LoginScreen")


async def test_every_binding_has_id_and_tooltip():
    from msa_tui.app import MsaApp
    from msa_tui.screens import dialogs, help, login
    from msa_tui.screens.base import PageScreen

    classes = [MsaApp, login.LoginScreen, dialogs.ConfirmDialog, dialogs.IdleWarningDialog,
               dialogs.ReloginDialog, help.HelpScreen, PageScreen]
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            assert binding.id and binding.tooltip, (cls.__name__, binding)


async def test_palette_offers_only_pages_allowed_now(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        from msa_tui.commands import PagesProvider

        provider = PagesProvider(app.screen)
        logged_out = [text for text, _help, _cb in provider._commands()]
        assert any("S'inscrire" in t for t in logged_out)
        assert not any("Mes paiements" in t for t in logged_out)
        await login(pilot)
        logged_in = [text for text, _help, _cb in PagesProvider(app.screen)._commands()]
        assert any("Mes paiements" in t for t in logged_in)
        assert "Se déconnecter" in logged_in
        assert not any("S'inscrire" in t for t in logged_in)


async def test_palette_opens_a_page_by_keys(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "MsaCommandPalette")
        await type_text(pilot, "procurations")
        # The palette searches asynchronously: wait until the page is offered.
        await wait_for(pilot, lambda: _palette_offers(app, "procurations"))
        await pilot.press("enter")
        # Every page is built now: the palette opens the real one.
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ProcurationsScreen")
        await pilot.pause()
        await pilot.press("escape")
        await wait_for(pilot, lambda: type(app.screen).__name__ != "ProcurationsScreen")


async def test_pages_needing_login_refused_when_logged_out(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        app.open_page("payments")
        await pilot.pause()
        assert type(app.screen).__name__ == "LoginScreen"


async def test_keymap_from_config_remaps_a_binding(server_app):
    config = Config(server_url="http://testserver", keymap={"login.toggle_password": "f9"})
    app = make_app(server_app, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        password = app.screen.query_one("#password")
        await pilot.press("f9")
        await pilot.pause()
        assert password.password is False


async def test_quit_when_logged_out_exits_at_once(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_when_logged_in_asks_first(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("ctrl+q")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("n")
        await pilot.pause()
        assert app.me is not None
        await pilot.press("ctrl+q")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
        await pilot.pause()
    assert app.return_code == 0


def _palette_offers(app, word: str) -> bool:
    from textual.widgets import OptionList

    options = app.screen.query(OptionList)
    return any(
        word in str(option.prompt).lower()
        for widget in options
        for option in widget.options
    )


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
