"""The session-expired re-login for a member with the second factor on (issue 14, item 7): the dialog
asks the password, then the e-mailed code on the login's own code step, and the page carries on."""

from __future__ import annotations

import re

from textual.widgets import Input

from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, make_app, type_text, wait_for, wait_screen
from tests.ui.test_shell_session import echo_page, end_session_on_server


async def test_relogin_asks_the_mailed_code_then_replays_the_call(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        page = await echo_page(pilot)
        # Elsewhere, the member switches the second factor on; then this session ends on the server.
        other = make_client()
        await other.login(DEMO_NIR, DEMO_PASSWORD)
        await other.set_two_factor(True, DEMO_PASSWORD)
        await end_session_on_server(app, make_client)
        await pilot.press("ctrl+g")
        await wait_screen(pilot, "ReloginDialog")
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await wait_screen(pilot, "LoginCodeScreen")
        mails = [m for m in await other.outbox() if "code de connexion" in m.subject]
        found = re.search(r"\b(\d{6})\b", mails[-1].body)
        assert found
        app.screen.query_one(Input).focus()
        await type_text(pilot, found.group(1))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is page)
        await wait_for(pilot, lambda: page.results == ["Pierre"])
        assert app.me is not None
