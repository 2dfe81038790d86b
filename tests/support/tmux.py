"""The real `msa-tui` in tmux, driven by keys and read from the pane (tests/e2e)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

DEADLINE_S = 60.0
"""How long the pane may take to show a text: a deadline against hangs on a loaded machine, not a speed test."""


class Tmux:
    """Detached tmux sessions on a private socket (never the user's own tmux server)."""

    def __init__(self, socket: str | None = None, name: str = "app") -> None:
        self.socket = socket or f"msa-e2e-{uuid.uuid4().hex[:8]}"
        self.name = name

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              timeout=15, check=check)

    def start(self, command: str, name: str | None = None, size: tuple[int, int] = (80, 24)) -> None:
        """Run `command` in a new session (`name`, else this object's), which becomes the one driven."""
        self.name = name or self.name
        self.run("new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name, check=False).stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.name, check=False).returncode == 0

    def wait_for(self, *texts: str) -> str:
        """Poll the pane until every text shows (deadline, not a fixed sleep)."""
        screen = ""

        def shown() -> bool:
            nonlocal screen
            screen = self.screen()
            return all(text in screen for text in texts)

        if not wait_until(shown):
            raise AssertionError(f"never saw {texts!r}; last screen:\n{screen}")
        return screen

    def kill_server(self) -> None:
        self.run("kill-server", check=False)


def wait_until(condition: Callable[[], bool], deadline_s: float = DEADLINE_S) -> bool:
    """Poll `condition` until it holds (True) or the deadline passes (False)."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def isolated_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A whole environment for the app under tmp_path: HOME, XDG folders, NO_COLOR, a UTF-8 locale."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
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
    env.update(extra)
    return env


def app_command(env: dict[str, str], *args: str) -> str:
    """`msa-tui ARGS` with exactly `env` (nothing of the developer's environment), as a shell line."""
    return " ".join([
        "env", "-i", *(shlex.quote(f"{k}={v}") for k, v in env.items()),
        shlex.quote(sys.executable), "-m", "msa_tui", *(shlex.quote(a) for a in args),
    ])
