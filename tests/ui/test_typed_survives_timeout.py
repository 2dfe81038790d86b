"""Nothing typed is lost to an idle logout: a reply, a new message (on disk outside kiosk mode)."""

from __future__ import annotations

from textual.widgets import Button, Input, TextArea

from tests.support.navigation import go_to
from tests.support.ui import FakeClock, login, make_app, type_text, wait_for, wait_screen
from tests.ui.test_messages import open_first_thread, open_messages


async def idle_out(pilot, clock: FakeClock) -> None:
    clock.advance(121)
    pilot.app.check_inactivity()
    await wait_screen(pilot, "LoginScreen")
    await wait_for(pilot, lambda: pilot.app.me is None)


async def test_reply_typed_before_idle_logout_is_there_after_relogin(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "Ma reponse en cours")
        await idle_out(pilot, clock)
        await open_first_thread(pilot)
        await wait_for(pilot, lambda: app.screen.query_one("#reply", TextArea).text == "Ma reponse en cours")


async def test_a_sent_reply_leaves_no_draft(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "Merci")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 4)
        await idle_out(pilot, clock)
        await open_messages(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 4)
        assert app.screen.query_one("#reply", TextArea).text == ""


async def test_drop_question_focuses_keep_and_enter_keeps_the_text(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "Brouillon")
        await pilot.press("escape")
        await wait_screen(pilot, "ConfirmDialog")
        assert app.focused is app.screen.query_one("#no", Button)
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        assert app.screen.query_one("#reply", TextArea).text == "Brouillon"
        # Dropping it for real removes the draft too.
        await pilot.press("escape")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
        await wait_screen(pilot, "MessagesScreen")
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await pilot.pause()
        assert app.screen.query_one("#reply", TextArea).text == ""


async def test_new_message_typed_before_idle_logout_comes_back(server_app):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "messages")
        await wait_screen(pilot, "MessagesScreen")
        await pilot.press("n")
        await wait_screen(pilot, "NewThreadScreen")
        await pilot.pause()
        await type_text(pilot, "Carte Vitale")
        await pilot.press("enter", "tab")
        await type_text(pilot, "Bonjour")
        await idle_out(pilot, clock)
        await login(pilot)
        await go_to(pilot, "messages")
        await wait_screen(pilot, "MessagesScreen")
        await pilot.press("n")
        await wait_screen(pilot, "NewThreadScreen")
        await wait_for(pilot, lambda: app.screen.query_one("#subject-input", Input).value == "Carte Vitale")
        assert app.screen.query_one("#body-input", TextArea).text == "Bonjour"
