"""End to end: the real `msa-tui --demo` in tmux at 80x24, NO_COLOR, driven by keys like a user."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.members import DEMO_NIR, DEMO_PASSWORD
from tests.support.tmux import Tmux, app_command, isolated_env, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


@pytest.fixture
def tmux_app(tmp_path: Path):
    tmux = Tmux()
    tmux.start(app_command(isolated_env(tmp_path), "--demo"))
    try:
        yield tmux
    finally:
        tmux.kill_server()


def test_demo_login_dashboard_logout_quit(tmux_app: Tmux):
    screen = tmux_app.wait_for("Se connecter", "Comptes de démonstration", "○ Déconnecté")
    assert "Pierre Martin" in screen and DEMO_PASSWORD in screen
    tmux_app.keys("F2")
    tmux_app.wait_for(DEMO_NIR)
    tmux_app.keys(DEMO_PASSWORD, literal=True)
    tmux_app.keys("Enter")
    screen = tmux_app.wait_for("● Connecté", "Pierre Martin")
    assert "Mon espace privé" in screen
    # Log out: back to an empty login screen, then quit.
    tmux_app.keys("C-l")
    tmux_app.wait_for("Se déconnecter ?")
    tmux_app.keys("Enter")
    screen = tmux_app.wait_for("○ Déconnecté", "Vous êtes déconnecté")
    assert DEMO_NIR not in screen
    tmux_app.keys("C-q")
    assert wait_until(lambda: not tmux_app.alive()), "the app did not exit"


def test_burst_login_like_a_password_manager(tmux_app: Tmux):
    # NIR, Tab, password, Enter in one send-keys: the terminal gets them as one burst.
    tmux_app.wait_for("Se connecter", "○ Déconnecté")
    tmux_app.keys(DEMO_NIR, "Tab", DEMO_PASSWORD, "Enter")
    screen = tmux_app.wait_for("● Connecté", "Pierre Martin")
    assert "Mon espace privé" in screen
