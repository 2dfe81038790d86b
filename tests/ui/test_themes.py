"""Themes (issue 9): high contrast offered with colour on, chosen by keys, saved, used at the next start."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.command import CommandInput

from msa_tui.core.config import default_config_path, load_config
from msa_tui.themes import HIGH_CONTRAST
from tests.support.navigation import pick_in_palette
from tests.support.ui import make_app, wait_for, wait_screen


@pytest.fixture
def colour_on(monkeypatch, isolated_dirs):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("MSA_TUI_THEME", raising=False)
    monkeypatch.delenv("MSA_TUI_CONFIG", raising=False)


def _placeholder(app) -> str:
    inputs = app.screen.query(CommandInput)
    return inputs.first().placeholder if inputs else ""


async def test_the_high_contrast_theme_chosen_by_keys_is_saved_and_used_next_time(server_app, colour_on):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pick_in_palette(pilot, "Changer de thème")
        await wait_for(pilot, lambda: _placeholder(app) == "Rechercher un thème…")
        await pick_in_palette(pilot, HIGH_CONTRAST.name)
        await wait_for(pilot, lambda: app.theme == HIGH_CONTRAST.name)
        await wait_screen(pilot, "LoginScreen")
    saved = default_config_path().read_text(encoding="utf-8")
    assert 'theme = "contraste-eleve"' in saved
    config = load_config()
    assert config.theme == HIGH_CONTRAST.name and config.sources["theme"] == "file"
    again = make_app(server_app, config=config)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        assert again.theme == HIGH_CONTRAST.name
        assert again.screen.styles.background == Color.parse("#000000")


async def test_a_kiosk_desk_keeps_its_theme_file_untouched(server_app, colour_on, tmp_path):
    from msa_tui.core.config import Config
    from msa_tui.core.kiosk import Kiosk
    from msa_tui.themes import choose_theme

    app = make_app(server_app, config=Config(server_url="http://testserver", kiosk=True,
                                             kiosk_documents_dir=str(tmp_path)))
    app.kiosk = Kiosk(tmp_path, root=tmp_path / "kiosk")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        choose_theme(app, HIGH_CONTRAST.name)
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
    assert not default_config_path().exists()


def _ratio(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        parsed = Color.parse(colour)
        return 0.2126 * channel(parsed.r) + 0.7152 * channel(parsed.g) + 0.0722 * channel(parsed.b)

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_every_text_pair_of_the_high_contrast_theme_reaches_aaa(server_app, colour_on):
    app = make_app(server_app, theme=HIGH_CONTRAST.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        css = app.get_css_variables()
    pairs = [("text", "background"), ("text", "surface"), ("text", "panel"), ("text", "boost"),
             ("text-muted", "background"), ("text-muted", "panel"), ("text-disabled", "background"),
             ("text-error", "background"), ("text-warning", "background"), ("text-success", "background"),
             ("text-primary", "background"), ("text-accent", "background"),
             ("primary", "background"), ("accent", "background"), ("error", "background"),
             ("block-cursor-foreground", "block-cursor-background"),
             ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),
             ("input-selection-foreground", "input-selection-background"),
             ("footer-key-foreground", "footer-background"),
             ("footer-description-foreground", "footer-background")]
    low = {f"{a} on {b}": round(_ratio(css[a], css[b]), 1) for a, b in pairs if _ratio(css[a], css[b]) < 7}
    assert low == {}
    # Borders of unfocused widgets and the scroll bars: WCAG asks 3:1 of what is not text.
    for name in ("primary-muted", "border-blurred", "scrollbar"):
        assert _ratio(css[name], css["background"]) >= 3, name
