"""One error path for page workers: a bug in a page's load is shown in French, logged, and retried."""

from __future__ import annotations

import logging

import pytest
from textual.widgets import Button, OptionList

from msa_tui.core.logs import LOG_FILE_NAME, setup_logging
from msa_tui.widgets.load_panel import LoadPanel
from tests.support.ui import login, make_app, wait_for, wait_screen


@pytest.fixture
def log_file(tmp_path):
    """The app's own log setup, pointed at a temp dir; the previous handlers come back afterwards."""
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = logging.getLogger("msa_tui").level
    path = setup_logging(tmp_path / "logs")
    assert path.name == LOG_FILE_NAME
    yield path
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    logging.getLogger("msa_tui").setLevel(level)


async def test_bug_in_a_load_is_shown_logged_and_retried(server_app, log_file):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        real_services = app.client.services

        async def broken_services(*args, **kwargs):
            raise RuntimeError("bogue injecté dans le chargement")

        app.client.services = broken_services  # an instance attribute shadows the method
        await pilot.press("4")
        await wait_screen(pilot, "ServicesScreen")
        page = app.screen
        panel = page.query_one(LoadPanel)
        await wait_for(pilot, lambda: panel.state == "failed")

        # The member reads a French sentence and a way to retry; the app keeps running.
        assert "erreur inattendue" in panel.error
        assert "Réessayer" in str(panel.query_one(".load-retry", Button).label)
        assert app.is_running and app.screen is page
        # The log file has the traceback.
        for handler in logging.getLogger().handlers:
            handler.flush()
        logged = log_file.read_text(encoding="utf-8")
        assert "Traceback" in logged
        assert "RuntimeError: bogue injecté dans le chargement" in logged
        assert "broken_services" in logged

        # The bug is gone: Réessayer (the button) loads the page.
        app.client.services = real_services
        panel.query_one(".load-retry", Button).press()
        await wait_for(pilot, lambda: panel.state == "ready")
        assert page.query_one("#services", OptionList).option_count > 0



async def test_a_failed_panel_is_not_loading_for_textual(server_app):
    """Textual reads `Widget.loading` (busy pointer over the widget, clicks on it dropped): once the
    panel shows its error it must say False, not be shadowed by a method of the same name."""
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)

        async def broken_services(*args, **kwargs):
            raise RuntimeError("bogue injecté dans le chargement")

        app.client.services = broken_services
        await pilot.press("4")
        await wait_screen(pilot, "ServicesScreen")
        panel = app.screen.query_one(LoadPanel)
        await wait_for(pilot, lambda: panel.state == "failed")
        assert panel.loading is False
