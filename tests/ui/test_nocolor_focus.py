"""NO_COLOR: which field, button or row is active reads from characters and text styles alone.

What the terminal shows is taken from the screen's composited lines passed through Textual's
NoColor filter (the one a no-colour terminal gets), so only glyphs, bold, underline and
reverse are left to compare.
"""

from __future__ import annotations

import pytest
from textual.filter import NoColor
from textual.widget import Widget
from textual.widgets import DataTable, OptionList

from msa_tui.widgets.footer import MsaFooter
from tests.support.navigation import go_to
from tests.support.ui import login, make_app, wait_for, wait_screen

ATTRIBUTES = ("bold", "reverse", "underline", "italic")


@pytest.fixture(autouse=True)
def no_color(monkeypatch, isolated_dirs):
    # Textual reads NO_COLOR when the App is built.
    monkeypatch.setenv("NO_COLOR", "1")


def cells(app, widget: Widget) -> list[list[tuple[str, frozenset[str]]]]:
    """The widget's rows on screen as (character, text attributes), colours dropped."""
    region = widget.region.intersection(app.screen.region)
    lines = app.screen._compositor.render_strips()
    rows = []
    for y in range(region.y, region.bottom):
        segments = NoColor().apply(list(lines[y].crop(region.x, region.right)), None)
        row = []
        for segment in segments:
            attrs = frozenset(a for a in ATTRIBUTES if segment.style and getattr(segment.style, a))
            row.extend((char, attrs) for char in segment.text)
        rows.append(row)
    return rows


def text(rows) -> list[str]:
    return ["".join(char for char, _attrs in row) for row in rows]


async def focused_and_not(pilot, widget: Widget):
    widget.focus()
    await pilot.pause()
    focused = cells(pilot.app, widget)
    pilot.app.set_focus(None)
    await pilot.pause()
    return focused, cells(pilot.app, widget)


async def test_app_knows_colour_is_off(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert app.no_color


@pytest.mark.parametrize("selector", ["#login-submit", "#login-register", "#login-forgot"])
async def test_focused_button_differs_without_colour(server_app, selector):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        button = app.screen.query_one(selector)
        focused, blurred = await focused_and_not(pilot, button)
        assert text(focused) == text(blurred)  # same words, same place
        focused_attrs = {attrs for row in focused for char, attrs in row if char.strip()}
        blurred_attrs = {attrs for row in blurred for char, attrs in row if char.strip()}
        assert focused_attrs != blurred_attrs
        assert all("reverse" in attrs for attrs in focused_attrs)


@pytest.mark.parametrize("selector", ["#nir", "#password"])
async def test_focused_input_has_another_border(server_app, selector):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        field = app.screen.query_one(selector)
        focused, blurred = await focused_and_not(pilot, field)
        # The frame itself changes shape: visible even in a plain-text copy of the screen,
        # and it keeps its size, so nothing else on the screen moves.
        assert text(focused)[0].startswith("┏") and text(focused)[-1].startswith("┗")
        assert not text(blurred)[0].startswith("┏")
        assert len(focused) == len(blurred) and len(focused[0]) == len(blurred[0])


async def test_focused_checkbox_differs_without_colour(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        box = app.screen.query_one("#remember-nir")
        focused, blurred = await focused_and_not(pilot, box)
        assert text(focused) == text(blurred)
        assert focused != blurred


async def test_documents_cursor_row_is_reversed(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "documents")
        await wait_screen(pilot, "DocumentsScreen")
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 2)
        await pilot.press("down")
        await pilot.pause()
        rows = cells(app, table)
        # Row 0 is the header; the cursor is on the second document (row 2).
        cursor_row = {attrs for char, attrs in rows[2] if char.strip()}
        other_row = {attrs for char, attrs in rows[1] if char.strip()}
        assert all("reverse" in attrs for attrs in cursor_row)
        assert not any("reverse" in attrs for attrs in other_row)


async def test_messages_highlighted_exchange_is_underlined(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "messages")
        await wait_screen(pilot, "MessagesScreen")
        listing = app.screen.query_one("#threads", OptionList)
        await wait_for(pilot, lambda: listing.option_count > 1)
        listing.focus()
        await pilot.press("down")
        await pilot.pause()
        rows = cells(app, listing)
        underlined = [
            line for line, row in zip(text(rows), rows, strict=True)
            if any("underline" in attrs for char, attrs in row if char.strip())
        ]
        # Only the highlighted exchange's two lines are underlined (unread ones are merely bold).
        assert len(underlined) == 2
        subject = str(listing.highlighted_option.prompt).splitlines()[0].strip(" ●")
        assert subject in underlined[0]


def footer_keys(app) -> list[str]:
    return app.screen.query_one(MsaFooter).keys_shown()


async def test_footers_keep_help_and_quit_in_80_columns(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        login_keys = footer_keys(app)
        assert "f1 Aide" in login_keys and "^q Quitter" in login_keys
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.pause()
        dashboard_keys = footer_keys(app)
        assert {"f1 Aide", "^q Quitter", "^l Déconnexion"} <= set(dashboard_keys)
        # Escape does nothing on the first page, so the footer does not offer it.
        assert not any(key.endswith("Retour") for key in dashboard_keys)


async def test_nir_placeholder_fits_at_80_columns(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        nir = app.screen.query_one("#nir")
        app.set_focus(None)
        await pilot.pause()
        shown = "\n".join(text(cells(app, nir)))
        assert nir.placeholder in shown
