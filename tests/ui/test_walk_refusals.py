"""A refusal about the whole form (no field named) comes into view and takes the focus at 80×24."""

from __future__ import annotations

import json

from textual.widgets import Static

from tests.support.account_keys import fill, form_error, open_from_login
from tests.support.ui import make_app, wait_for


def refusing_register(server_app, status: int, code: str, detail: str):
    """The mock server, except that registration is refused with a problem naming no field."""

    async def asgi(scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].endswith("/auth/register"):
            body = json.dumps({"title": "Refus", "status": status, "detail": detail, "code": code}).encode()
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"application/problem+json")]})
            await send({"type": "http.response.body", "body": body})
            return
        await server_app(scope, receive, send)

    return asgi


def _in_view(app, widget) -> bool:
    return widget.region.height > 0 and app.screen.region.contains_region(widget.region) and \
        widget.region.y >= widget.screen.query_one("#account-scroll").region.y


async def test_form_level_refusal_scrolls_into_view_and_takes_the_focus(server_app):
    detail = "Un compte existe déjà pour ce numéro. Connectez-vous ou utilisez « Mot de passe oublié »."
    app = make_app(refusing_register(server_app, 409, "already_registered", detail), demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "Roux", "14/03/1988", "jeanne.roux@example.fr"])
        await wait_for(pilot, lambda: "Un compte existe déjà" in form_error(app))
        banner = app.screen.query_one("#form-error", Static)
        await wait_for(pilot, lambda: app.screen.focused is banner)
        await wait_for(pilot, lambda: _in_view(app, banner))
        # From the message, Tab goes on into the form.
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is not banner and app.screen.focused.id.endswith("-input")


async def test_local_field_errors_keep_the_focus_on_the_first_faulty_field(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "", "14/03/1988", "jeanne.roux@example.fr"])
        await wait_for(pilot, lambda: "Corrigez" in form_error(app))
        assert app.screen.focused.id == "last_name-input"
