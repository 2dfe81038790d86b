"""The start-up's order of work (issue 12), as behaviour: no frame of the login screen drawn for nothing;
what `msa-tui` holds back until then (the garbage collector, the slow thread switch) is given back."""

from __future__ import annotations

import gc
import sys

import pytest

from msa_tui import cli, first_frame
from msa_tui.app import MsaApp
from msa_tui.core.config import Config
from msa_tui.screens.login import LoginScreen

from tests.support.ui import MemoryKeyring, wait_for


def bare_app() -> MsaApp:
    """The app as `msa-tui --server URL` starts it, on a keyring in memory (no server is called)."""
    from msa_tui.core.credentials import CredentialStore

    return MsaApp(Config(server_url="http://127.0.0.1:9"), credentials=CredentialStore(backend=MemoryKeyring()))


async def test_the_login_screen_is_not_rendered_inside_textuals_start_up_batch(monkeypatch, isolated_dirs) -> None:
    # Textual writes nothing while it batches updates: a render of the login screen then is thrown
    # away, and the screen has to be laid out and rendered again before anything reaches the terminal.
    renders: list[tuple[str, int]] = []
    display = MsaApp._display

    def spy(self: MsaApp, screen, renderable) -> None:
        if renderable is not None:
            renders.append((type(screen).__name__, self._batch_count))
        display(self, screen, renderable)

    monkeypatch.setattr(MsaApp, "_display", spy)
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and any(
            name == "LoginScreen" for name, _batch in renders))
    login_renders = [batch for name, batch in renders if name == "LoginScreen"]
    assert login_renders[0] == 0, renders


@pytest.fixture
def interpreter_state():
    """Whatever a test leaves held is given back (the rest of the suite runs as Python has it)."""
    switch = sys.getswitchinterval()
    yield switch
    first_frame.release(collect=False)
    gc.enable()
    sys.setswitchinterval(switch)


def as_python_has_it(switch: float) -> bool:
    return gc.isenabled() and sys.getswitchinterval() == switch


async def test_the_app_gives_back_what_msa_tui_held_once_the_login_screen_is_on_show(
        interpreter_state, isolated_dirs) -> None:
    first_frame.hold()  # as `msa-tui` does from its start
    assert not gc.isenabled() and sys.getswitchinterval() < interpreter_state
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: as_python_has_it(interpreter_state))
        assert isinstance(app.screen, LoginScreen)


def test_the_command_line_gives_it_back_whatever_ends_it(interpreter_state, isolated_dirs, tmp_path,
                                                          capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert as_python_has_it(interpreter_state)
    assert cli.main(["--data-dir", str(tmp_path)]) == 2  # refused before the app starts
    assert as_python_has_it(interpreter_state)


async def test_a_page_is_styled_once_when_first_shown_and_again_when_uncovered(monkeypatch, isolated_dirs) -> None:
    # Each widget is styled as it mounts; Textual would style the whole page again as it resumes. The
    # first resume styles the screen node alone (its own rules); a later one, after a page above it
    # closed, styles everything again (the theme may have changed meanwhile).
    from textual.css.stylesheet import Stylesheet

    styled: list[object] = []
    apply = Stylesheet.apply

    def spy(self: Stylesheet, node, **kwargs) -> None:
        styled.append(node)
        apply(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", spy)
    app = bare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.screen.is_current)
        await pilot.pause()
        login = app.screen
        button = login.query_one("#login-error")
        assert styled.count(button) == 1, "the error line was styled more than once on first show"
        assert login.styles.layout is not None and login.styles.layout.name == "horizontal"  # its own rules
        await pilot.press("f1")  # the help dialog covers the page
        await wait_for(pilot, lambda: app.screen is not login)
        styled.clear()
        app.theme = "textual-light"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is login)
        await pilot.pause()
        assert button in styled, "an uncovered page is styled again"
        assert login.styles.background == app.current_theme.to_color_system().background
