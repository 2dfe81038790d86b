"""End to end: the real `msa-tui --demo` in tmux at 80x24, NO_COLOR, driven by keys like a user."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.support.members import DEMO_NIR, DEMO_PASSWORD

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DEADLINE_S = 30.0


class Tmux:
    """One detached tmux session on a private socket (never the user's own tmux server)."""

    def __init__(self, socket: str, name: str) -> None:
        self.socket = socket
        self.name = name

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              timeout=15, check=check)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name, check=False).stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.name, check=False).returncode == 0

    def wait_for(self, *texts: str) -> str:
        """Poll the pane until every text shows (deadline, not a fixed sleep)."""
        end = time.monotonic() + DEADLINE_S
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"never saw {texts!r}; last screen:\n{screen}")


@pytest.fixture
def tmux_app(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    command = " ".join([
        "env", "-i", *(shlex.quote(f"{k}={v}") for k, v in env.items()),
        shlex.quote(sys.executable), "-m", "msa_tui", "--demo",
    ])
    tmux = Tmux(f"msa-e2e-{uuid.uuid4().hex[:8]}", "app")
    tmux.run("new-session", "-d", "-s", tmux.name, "-x", "80", "-y", "24", command)
    try:
        yield tmux
    finally:
        tmux.run("kill-server", check=False)


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
    end = time.monotonic() + DEADLINE_S
    while tmux_app.alive() and time.monotonic() < end:
        time.sleep(0.2)
    assert not tmux_app.alive(), "the app did not exit"


def test_burst_login_like_a_password_manager(tmux_app: Tmux):
    # NIR, Tab, password, Enter in one send-keys: the terminal gets them as one burst.
    tmux_app.wait_for("Se connecter", "○ Déconnecté")
    tmux_app.keys(DEMO_NIR, "Tab", DEMO_PASSWORD, "Enter")
    screen = tmux_app.wait_for("● Connecté", "Pierre Martin")
    assert "Mon espace privé" in screen
