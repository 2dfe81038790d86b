"""Key-driven steps shared by the registration and password-reset Pilot tests."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from tests.support.ui import type_text, wait_for, wait_screen


def field_value(app: Any, name: str) -> str:
    return app.screen.query_one(f"#{name}-input", Input).value


def field_error(app: Any, name: str) -> str:
    return app.screen.field(name).error


def form_error(app: Any) -> str:
    return str(app.screen.query_one("#form-error").render())


async def fill(pilot: Any, values: list[str]) -> None:
    """Type each value then Enter (which moves to the next field, and submits after the last)."""
    for value in values:
        await type_text(pilot, value)
        await pilot.press("enter")


async def open_from_login(pilot: Any, key: str, screen: str) -> None:
    await wait_screen(pilot, "LoginScreen")
    await pilot.pause()
    await pilot.press(key)
    await wait_screen(pilot, screen)
    await pilot.pause()


async def wait_step_code(pilot: Any) -> None:
    await wait_for(pilot, lambda: getattr(pilot.app.screen, "step", "") == "step-code")
    await pilot.pause()


async def code_from_outbox_modal(pilot: Any) -> str:
    """F6 opens the demo outbox; "u" copies its code into the form. Returns the code."""
    await pilot.press("f6")
    await wait_screen(pilot, "OutboxModal")
    modal = pilot.app.screen
    await wait_for(pilot, lambda: modal.mail is not None)
    code = modal.code
    assert code is not None
    await pilot.press("u")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ != "OutboxModal")
    await pilot.pause()
    return code


async def login_with_prefilled_nir(pilot: Any, password: str) -> None:
    """On the login screen after a flow: the NIR is already there, only the password is typed."""
    await wait_screen(pilot, "LoginScreen")
    await pilot.pause()
    pilot.app.screen.query_one("#password", Input).focus()
    await type_text(pilot, password)
    await pilot.press("enter")
    await wait_for(pilot, lambda: pilot.app.me is not None)


async def outbox_of(server_app: Any) -> list[Any]:
    """The demo outbox as the server holds it (read-only check, through a separate client)."""
    import httpx

    from msa_tui.api.client import MsaClient

    api = MsaClient("http://testserver", transport=httpx.ASGITransport(app=server_app))
    try:
        return await api.outbox()
    finally:
        await api.aclose()
