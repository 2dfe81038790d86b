"""Assistance page: phone, hours and open/closed in words; reachable before login; retry on failure."""

from __future__ import annotations

from msa_tui.api.errors import ServerUnavailable
from tests.support.ui import make_app, type_text, wait_for, wait_screen


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def open_from_palette(pilot) -> None:
    await wait_screen(pilot, "LoginScreen")
    await pilot.pause()
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, "Assistance")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_screen(pilot, "AssistanceScreen")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_assistance_open_on_a_weekday_morning(server_app, monkeypatch):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-16T10:00:00+01:00")  # a Monday
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_palette(pilot)
        details = text(app, "#assistance-details")
        assert "03 20 900 500" in details
        assert "Du lundi au vendredi : 8h30 – 12h15 et 13h30 – 16h30" in details
        assert text(app, "#assistance-status") in ("Ouvert en ce moment", "Fermé en ce moment")
        assert text(app, "#assistance-status") == (
            "Ouvert en ce moment" if app.screen.info.open_now else "Fermé en ce moment"
        )


async def test_assistance_failure_then_retry(server_app, monkeypatch):
    from msa_tui.api.client import MsaClient

    real = MsaClient.assistance

    async def down(self):
        raise ServerUnavailable()

    monkeypatch.setattr(MsaClient, "assistance", down)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_palette(pilot)
        assert "pas pu être chargés" in text(app, "#assistance-error-text")
        monkeypatch.setattr(MsaClient, "assistance", real)
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.info is not None)
        assert "03 20 900 500" in text(app, "#assistance-details")


async def test_closed_assistance_says_when_it_opens_again(server_app, monkeypatch):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-20T17:00:00+01:00")  # a Friday, after closing
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_palette(pilot)
        assert text(app, "#assistance-status") == "Fermé en ce moment · Réouverture lundi 23 novembre 2026 à 8 h 30"


async def test_closed_at_lunch_opens_again_today(server_app, monkeypatch):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-16T12:30:00+01:00")
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_palette(pilot)
        assert text(app, "#assistance-status") == "Fermé en ce moment · Réouverture aujourd'hui à 13 h 30"
