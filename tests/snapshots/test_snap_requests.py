"""SVG snapshots of the catalogue, a request form, Mes démarches with a timeline, and the declarations."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from ui_helpers import login, make_app, type_text, wait_for, wait_screen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


def _listed(pilot, selector: str, count: int = 1) -> bool:
    return pilot.app.screen.query_one(selector, OptionList).option_count >= count


async def _open(pilot, page: str, screen: str, ready, **kwargs) -> None:
    await login(pilot)
    pilot.app.open_page(page, **kwargs)
    await wait_screen(pilot, screen)
    await wait_for(pilot, ready)


async def _steady(pilot) -> None:
    """Workers done, no toast, no blinking cursor: the SVG is the same on every run."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.clear_notifications()
    for widget in app.screen.query("Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_services_catalogue(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "services", "ServicesScreen", lambda: _listed(pilot, "#services"))
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_request_form_with_a_refused_field(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "request_form", "RequestFormScreen",
                    lambda: bool(pilot.app.screen.query("#logement-field")), request_type="rsa")
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("logement").error != "")
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_requests_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "requests", "RequestsScreen", lambda: _listed(pilot, "#requests", 3))
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_request_timeline_pieces_demandees(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "requests", "RequestsScreen", lambda: _listed(pilot, "#requests", 3))
        await pilot.press("enter")  # the first is the change of situation, waiting for a document
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: pilot.app.screen.request is not None)
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_declarations_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "declarations", "DeclarationsScreen", lambda: _listed(pilot, "#declarations", 4))
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_declaration_form(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "declarations", "DeclarationsScreen", lambda: _listed(pilot, "#declarations", 4))
        await pilot.press("enter")
        await wait_screen(pilot, "DeclarationFormScreen")
        await type_text(pilot, "1450")
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
