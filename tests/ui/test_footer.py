"""The one-widget footer: the screen's keys in words, clickable like Textual's, following the screen."""

from __future__ import annotations

from msa_tui.widgets.footer import MsaFooter
from tests.support.ui import login, make_app, wait_screen


def footer(app) -> MsaFooter:
    return app.screen.query_one(MsaFooter)


def column_of(app, words: str) -> int:
    """The footer column where `words` (e.g. "^n S'inscrire") starts."""
    line = footer(app).render().plain
    assert words in line, line
    return line.index(words)


async def test_login_footer_lists_keys_in_words(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        keys = footer(app).keys_shown()
        assert keys == ["^n S'inscrire", "^o Mot de passe oublié", "f2 Démo", "^q Quitter", "f1 Aide"]


async def test_clicking_a_footer_key_presses_it(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.click(MsaFooter, offset=(column_of(app, "S'inscrire"), 0))
        await wait_screen(pilot, "RegisterScreen")


async def test_clicking_a_key_of_a_group_opens_its_page(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        # "1234 Ouvrir un bloc": the second key of the run is "2", Mes messages.
        await pilot.click(MsaFooter, offset=(column_of(app, "1234") + 1, 0))
        await wait_screen(pilot, "MessagesScreen")


async def test_hover_shows_the_key_tooltip(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.hover(MsaFooter, offset=(column_of(app, "Aide"), 0))
        assert footer(app).tooltip == "Les touches de cet écran"


async def test_footer_follows_the_screen_keys(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert not any("Déconnexion" in key for key in footer(app).keys_shown())
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.pause()
        assert "^l Déconnexion" in footer(app).keys_shown()
