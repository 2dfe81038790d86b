"""Reaching a page the way a member does: a key on the dashboard, else the Ctrl+P palette."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from msa_tui.screens.registry import PAGES
from tests.support.ui import type_text, wait_for, wait_screen

DASHBOARD_KEYS = {"profile": "1", "messages": "2", "payments": "3", "services": "4", "documents": "d",
                  "contact": "c"}
"""The dashboard's own keys (blocks 1–4, D and C written on the page)."""


def screen_name(page: str) -> str:
    """The class name of the screen registered under `page`."""
    target = PAGES[page].target
    assert target is not None, f"{page} has no screen yet"
    return target.rpartition(":")[2]


def _searched(app: Any) -> str:
    from textual.command import CommandInput

    inputs = app.screen.query(CommandInput)
    return inputs.first().value if inputs else ""


def _highlighted(app: Any) -> str:
    lists = app.screen.query(OptionList)
    if not lists:
        return ""
    options = lists.first()
    if options.highlighted is None:
        return ""
    prompt = str(options.get_option_at_index(options.highlighted).prompt)
    return prompt.splitlines()[0] if prompt else ""


async def go_to(pilot: Any, page: str) -> None:
    """Open `page` by keys and wait until its screen is mounted.

    On the dashboard a page with a key of its own is opened by that key; any other page (or from
    any other screen) through the palette: Ctrl+P, its French title typed, Enter once it is the
    highlighted entry (the palette searches asynchronously).
    """
    app = pilot.app
    await pilot.pause()
    key = DASHBOARD_KEYS.get(page)
    if key is not None and type(app.screen).__name__ == "DashboardScreen":
        await pilot.press(key)
    else:
        await pilot.press("ctrl+p")
        await pick_in_palette(pilot, PAGES[page].title)
    await wait_screen(pilot, screen_name(page))


async def pick_in_palette(pilot: Any, title: str) -> None:
    """In the open palette: type `title`, Enter once it is the highlighted entry (searches are asynchronous)."""
    await wait_screen(pilot, "MsaCommandPalette")
    await type_text(pilot, title)
    await wait_for(pilot, lambda: _highlighted(pilot.app).endswith(title), explain=lambda: (
        f"searched {_searched(pilot.app)!r}, highlighted {_highlighted(pilot.app)!r}, "
        f"focus {pilot.app.focused!r} on {type(pilot.app.screen).__name__}"))
    await pilot.press("enter")
