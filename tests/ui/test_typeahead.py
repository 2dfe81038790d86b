"""Keys typed ahead (a password manager's auto-type) land where they would at human speed.

The keys are posted to the app in one burst, with no pause between them: each is queued before
the app has handled the one before (the way a terminal delivers a burst).
"""

from __future__ import annotations

from textual import events

from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, make_app, wait_for, wait_screen

CHARS = {"tab": "\t", "enter": "\r"}


def burst(app, *parts: str) -> None:
    """Post each part: a key name ("tab", "enter") or text typed character by character."""
    for part in parts:
        if part in CHARS:
            app.post_message(events.Key(part, CHARS[part]))
            continue
        for ch in part:
            name = {"-": "minus", ".": "full_stop", " ": "space"}.get(ch, ch)
            app.post_message(events.Key(name, ch))


async def test_nir_tab_password_enter_in_one_burst_logs_in(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        burst(app, DEMO_NIR, "tab", DEMO_PASSWORD, "enter")
        await wait_for(pilot, lambda: app.me is not None)
        await wait_screen(pilot, "DashboardScreen")


async def test_a_burst_typed_before_the_login_screen_is_up_logs_in(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, DEMO_NIR, "tab", DEMO_PASSWORD, "enter")
        await wait_for(pilot, lambda: app.me is not None)
        await wait_screen(pilot, "DashboardScreen")


async def test_a_burst_across_the_focus_move_after_the_nir_logs_in(server_app):
    # Enter on a complete NIR: the app itself moves the focus to the password.
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        burst(app, DEMO_NIR, "enter", DEMO_PASSWORD, "enter")
        await wait_for(pilot, lambda: app.me is not None)
        await wait_screen(pilot, "DashboardScreen")


async def test_a_burst_keeps_every_character_in_order(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        burst(app, DEMO_NIR[:5], "tab", "abc", "tab")
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "show-password")
        assert app.screen.query_one("#nir").value == DEMO_NIR[:5]
        assert app.screen.query_one("#password").value == "abc"
