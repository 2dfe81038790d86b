"""Colour themes: the high-contrast one we add to Textual's, and the member's choice kept in the config.

The high-contrast theme is white and pure colours on black; every text/background pair it
defines reaches the WCAG AAA ratio (7:1; tests/ui/test_themes.py measures them), borders of
unfocused widgets stay visible (light grey, not a dimmed colour). Colour still carries no
information alone: the screens say everything in words and marks (see nocolor.tcss).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit
from textual.theme import Theme, ThemeProvider

from .core.i18n import _
from .widgets.safe import notify_plain

if TYPE_CHECKING:
    from textual.app import App
    from textual.command import Hits

    from .app import MsaApp

HIGH_CONTRAST = Theme(
    name="contraste-eleve",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#00FFFF",
    warning="#FFB000",
    error="#FF8C8C",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    text_alpha=1.0,
    variables={
        # Textual derives these by fading the text or the primary colour: too faint here.
        "text": "#FFFFFF",
        "text-muted": "#D9D9D9",
        "text-disabled": "#B3B3B3",
        "foreground-muted": "#D9D9D9",
        "foreground-disabled": "#B3B3B3",
        "primary-muted": "#BFBFBF",
        "border-blurred": "#BFBFBF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#333333",
        "block-hover-background": "#262626",
        "input-cursor-foreground": "#000000",
        "input-cursor-background": "#FFFFFF",
        "input-selection-background": "#FFFF00",
        "input-selection-foreground": "#000000",
        "footer-background": "#000000",
        "footer-foreground": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "button-color-foreground": "#000000",
        "link-color": "#00FFFF",
        "link-color-hover": "#000000",
        "scrollbar": "#BFBFBF",
        "scrollbar-hover": "#FFFFFF",
        "scrollbar-background": "#000000",
    },
)


def register_themes(app: App[Any]) -> None:
    app.register_theme(HIGH_CONTRAST)


class ThemeChoices(ThemeProvider):
    """Textual's theme list, where choosing a theme also saves it for the next start."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        msa_app = cast("MsaApp", self.app)
        return [(name, partial(choose_theme, msa_app, name)) for name in sorted(self.app.available_themes)]

    async def discover(self) -> Hits:
        # Our theme first: it is the one someone who needs it looks for.
        for name, callback in sorted(self.commands, key=lambda item: item[0] != HIGH_CONTRAST.name):
            yield DiscoveryHit(name, callback)


def choose_theme(app: MsaApp, name: str) -> None:
    """Apply `name` and write it into the config file (not at a kiosk: the desk's settings are its staff's)."""
    from dataclasses import replace

    from .core.config import ConfigError, save_settings

    app.theme = name
    if app.kiosk is not None:
        return
    try:
        save_settings({"theme": name}, app.config.path)
    except (OSError, ConfigError):
        notify_plain(app, _("Le thème n'a pas pu être enregistré : il s'applique jusqu'à la fermeture."),
                     severity="warning")
        return
    app.config = replace(app.config, theme=name)
