"""Session: logout from anywhere, inactivity warning and logout, server-side expiry with re-login."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from msa_tui.screens.base import PageScreen
from tests.support.navigation import go_to
from tests.support.ui import DEMO_PASSWORD, FakeClock, login, make_app, type_text, wait_for, wait_screen


class EchoPage(PageScreen):
    """A page with a text field and a key that calls the API through `PageScreen.call`."""

    PAGE_TITLE = "Essai"
    BINDINGS = [("ctrl+g", "fetch", "Charger")]

    def __init__(self) -> None:
        super().__init__()
        self.results: list[str] = []

    def compose_body(self) -> ComposeResult:
        yield Input(id="draft")
        yield Static("", id="result")

    def action_fetch(self) -> None:
        # Page workers leave their errors to the page (CallAbandoned when the member gives up).
        self.run_worker(self._fetch(), exclusive=True, exit_on_error=False)

    async def _fetch(self) -> None:
        me = await self.call(lambda: self.api.me())
        self.results.append(me.first_name)
        self.query_one("#result", Static).update(me.first_name)


async def echo_page(pilot) -> EchoPage:
    """Logged in, on an EchoPage."""
    await login(pilot)
    page = EchoPage()
    pilot.app.push_screen(page)
    await pilot.pause()
    return page


async def end_session_on_server(app, make_client) -> None:
    """The server ends the app's session (as a revocation elsewhere would)."""
    other = make_client()
    other.use_tokens(app.client.tokens)
    await other.logout()


async def test_logout_returns_to_fresh_login_and_forgets_member(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "profile")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("enter")
        await wait_screen(pilot, "LoginScreen")
        await wait_for(pilot, lambda: app.me is None)
        assert app.me is None
        assert not app.client.logged_in
        assert app.credentials.load_tokens() is None
        # Only the (fresh) login screen remains: nothing of the member on any screen.
        assert len(app.screen_stack) == 2
        assert app.screen.query_one("#nir", Input).value == ""
        assert "déconnecté" in str(app.screen.query_one("#login-notice", Static).render())


async def test_logout_can_be_cancelled(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("ctrl+l")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("escape")
        await pilot.pause()
        assert app.me is not None
        assert type(app.screen).__name__ != "ConfirmDialog"


async def test_idle_warning_then_stay_connected(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        clock.advance(95)
        app.check_inactivity()
        await wait_screen(pilot, "IdleWarningDialog")
        countdown = str(app.screen.query_one("#idle-countdown", Static).render())
        assert "25 s" in countdown
        clock.advance(10)
        app.screen.tick()
        await pilot.pause()
        assert "15 s" in str(app.screen.query_one("#idle-countdown", Static).render())
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ != "IdleWarningDialog"
        clock.advance(60)
        app.check_inactivity()
        await pilot.pause()
        assert app.me is not None
        assert type(app.screen).__name__ != "IdleWarningDialog"


async def test_other_keys_do_not_dismiss_the_warning(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        clock.advance(100)
        app.check_inactivity()
        await wait_screen(pilot, "IdleWarningDialog")
        await pilot.press("x")
        clock.advance(25)
        app.check_inactivity()
        await wait_screen(pilot, "LoginScreen")
        assert app.me is None


async def test_idle_expiry_logs_out_with_notice(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        clock.advance(121)
        app.check_inactivity()
        await wait_screen(pilot, "LoginScreen")
        await wait_for(pilot, lambda: app.me is None)
        notice = str(app.screen.query_one("#login-notice", Static).render())
        assert "inactivité" in notice and "2 min" in notice
        assert not app.client.logged_in


async def test_keys_keep_the_session_alive(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        for _ in range(4):
            clock.advance(80)
            await pilot.press("tab")
            app.check_inactivity()
            await pilot.pause()
        assert app.me is not None
        assert type(app.screen).__name__ != "IdleWarningDialog"


async def test_server_side_expiry_relogin_keeps_screen_and_replays(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await echo_page(pilot)
        page.query_one("#draft").focus()
        await type_text(pilot, "ma question")
        await end_session_on_server(app, make_client)
        await pilot.press("ctrl+g")
        await wait_screen(pilot, "ReloginDialog")
        assert "85 07" in str(app.screen.query_one("#relogin-nir", Static).render())
        await type_text(pilot, "faux")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "incorrect" in str(app.screen.query_one("#relogin-error", Static).render()))
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is page)
        await wait_for(pilot, lambda: page.results == ["Pierre"])
        assert page.query_one("#draft", Input).value == "ma question"
        assert app.me is not None


async def test_relogin_given_up_logs_out(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await echo_page(pilot)
        await end_session_on_server(app, make_client)
        await pilot.press("ctrl+g")
        await wait_screen(pilot, "ReloginDialog")
        await pilot.press("escape")
        await wait_screen(pilot, "LoginScreen")
        await wait_for(pilot, lambda: app.me is None)
        assert page.results == []
