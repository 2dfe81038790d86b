"""SVG snapshots of account security (issue 14, item 7): the password change form and the login code step."""

from __future__ import annotations

import pytest

from tests.support.api import asgi_client
from tests.support.members import DEMO_NIR, DEMO_PASSWORD
from tests.support.snapshots import SIZES, steady
from tests.ui.test_account_security import open_security
from tests.support.ui import login, make_app, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("size", SIZES)
def test_account_security_page(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await open_security(pilot)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_login_code_step(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        client = asgi_client(server_app)  # the member switched the second factor on earlier
        await client.login(DEMO_NIR, DEMO_PASSWORD)
        await client.set_two_factor(True, DEMO_PASSWORD)
        await client.aclose()
        await pilot.pause()
        await login(pilot, wait=False)
        await wait_screen(pilot, "LoginCodeScreen")
        await pilot.pause()
        # The login screen's worker waits for this step's answer: no waiting for the workers here.
        await steady(pilot, wait_workers=False)

    assert snap_compare(make_app(server_app, demo=True), terminal_size=size, run_before=run_before)
