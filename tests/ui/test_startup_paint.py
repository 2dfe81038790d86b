"""The start-up's order of work (issue 12), as behaviour: no frame of the login screen drawn for nothing."""

from __future__ import annotations

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
