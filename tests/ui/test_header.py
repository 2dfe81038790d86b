"""The portal header, one widget: the connected words follow login and logout, the acting line comes and
goes with acting for someone, the page title shows, and narrow screens cut it as the old row did."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.reactive import var
from textual.screen import Screen

from msa_tui.widgets.status import PortalHeader
from tests.support.navigation import go_to
from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.ui.test_procurations_acting import act_for_antoine

ACTING = "▶ Vous agissez pour Antoine Santoni · F8 : revenir à mon espace"


def rows(app, count: int = 3) -> list[str]:
    """The screen's top rows as the member reads them."""
    return ["".join(s.text for s in line) for line in app.screen._compositor.render_strips()[:count]]


def header_of(app) -> PortalHeader:
    return app.screen.query_one(PortalHeader)


async def test_connected_words_follow_login_and_logout(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert not header_of(app).connected
        top = rows(app, 1)[0]
        assert top.startswith(" Mon espace privé — MSA  · Se connecter ") and top.endswith(" ○ Déconnecté ")
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        assert header_of(app).connected and not header_of(app).acting
        assert rows(app, 1)[0].endswith(" ● Connecté ") and header_of(app).region.height == 1
        await pilot.press("ctrl+l")
        await pilot.pause()
        if type(app.screen).__name__ != "LoginScreen":
            await pilot.press("o")  # the logout's confirmation, when asked
        await wait_screen(pilot, "LoginScreen")
        assert not header_of(app).connected and rows(app, 1)[0].endswith(" ○ Déconnecté ")


async def test_the_acting_line_appears_and_goes_with_acting(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await act_for_antoine(pilot)
        await wait_for(pilot, lambda: header_of(app).acting)
        await pilot.pause()
        assert header_of(app).text.endswith("\n" + ACTING) and header_of(app).connected
        assert rows(app, 2)[1] == f" {ACTING}".ljust(80)
        assert header_of(app).region.height == 2
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.me is not None and app.me.last_name == "Martin")
        await wait_for(pilot, lambda: not header_of(app).acting)
        await pilot.pause()
        assert "agissez" not in "\n".join(rows(app, 2)) and header_of(app).region.height == 1


async def test_the_page_title_shows_beside_the_portal_name(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(120, 40)) as pilot:
        await login(pilot)
        await go_to(pilot, "procurations")
        await pilot.pause()
        assert header_of(app).text == "Mon espace privé — MSA · Gérer mes procurations ● Connecté"
        assert rows(app, 1) == [" Mon espace privé — MSA  · Gérer mes procurations".ljust(120 - 11) + "● Connecté "]


# --- the widget alone, in a small app that has a `me` and a session ----------------------------------


class Principal:
    principal_name = "Antoine Santoni"


class Session:
    acting: Principal | None = None


class HeaderPage(Screen[None]):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_words = title

    def compose(self) -> ComposeResult:
        yield PortalHeader(self.title_words)


class HeaderApp(App[None]):
    me: var[object | None] = var(None)

    def __init__(self) -> None:
        super().__init__()
        self.session = Session()


async def test_a_header_built_in_a_live_session_draws_it_at_once_and_follows_me_afterwards():
    app = HeaderApp()
    async with app.run_test(size=(80, 6)) as pilot:
        app.session.acting, app.me = Principal(), object()
        await app.push_screen(HeaderPage("Mes démarches"))
        header = header_of(app)
        assert header.connected and header.acting  # read when built, not changed after mount
        await pilot.pause()
        assert rows(app, 2) == [
            " Mon espace privé — MSA  · Mes démarches".ljust(80 - 11) + "● Connecté ",
            f" {ACTING}".ljust(80),
        ]
        app.session.acting, app.me = None, object()  # back in one's own space
        await pilot.pause()
        assert not header.acting and header.region.height == 1 and "agissez" not in rows(app, 2)[1]
        app.me = None
        await pilot.pause()
        assert not header.connected and rows(app, 1)[0].endswith(" ○ Déconnecté ")


async def test_narrow_screens_cut_the_title_at_a_word_and_wrap_the_acting_line():
    """What the row of Labels did: name and status keep their width, the title shows its first
    wrapped row in the room left, then goes; the row is cut at the edge; the acting line wraps."""
    app = HeaderApp()
    async with app.run_test(size=(50, 6)) as pilot:
        await app.push_screen(HeaderPage("Mes démarches en cours"))
        await pilot.pause()
        assert rows(app, 1) == [" Mon espace privé — MSA  · Mes       ○ Déconnecté "]
        await pilot.resize_terminal(39, 6)
        await pilot.pause()
        assert rows(app, 1) == [" Mon espace privé — MSA    ○ Déconnecté"]
        await pilot.resize_terminal(20, 6)
        await pilot.pause()
        assert rows(app, 1) == [" Mon espace privé — "]
        await pilot.resize_terminal(60, 6)
        app.session.acting, app.me = Principal(), object()
        await pilot.pause()
        assert rows(app, 3)[1:] == [
            " ▶ Vous agissez pour Antoine Santoni · F8 : revenir à mon   ",
            " espace" + " " * 53,
        ]
        assert header_of(app).region.height == 3
