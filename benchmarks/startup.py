"""Apps measured from the outside: spawned in an 80x24 pseudo-terminal, watched through its output.

The start-up clock stops when a text shows in what the app wrote to the terminal (what a person
sees), not at a callback inside the app. The same pseudo-terminal session then serves the idle
figures: keys are typed as a person would, CPU time and resident memory are read from /proc.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

LOGIN_TEXT = "Se connecter"

# The floor: a bare Textual app showing the same words in one Label.
BARE_APP = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Se connecter")

Bare().run()
"""

_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def clean_env(home: Path) -> dict[str, str]:
    """A fresh HOME for every app: no config, no saved session, no keyring."""
    return {
        "HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color",
        "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


class Terminal:
    """One app in a pseudo-terminal: its screen text so far, keys to type, its CPU and memory."""

    def __init__(self, argv: list[str], home: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=clean_env(home),
                                     close_fds=True, start_new_session=True)
        os.close(slave)
        self.raw = b""

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                self.raw += os.read(self.master, 1 << 16)
            except OSError:  # the app closed its terminal
                time.sleep(timeout)

    def text(self) -> str:
        return _ESCAPES.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, pattern: str, timeout: float = 60.0) -> float:
        """Seconds from spawn until `pattern` is in the terminal's output."""
        deadline = time.perf_counter() + timeout
        seen = 0
        while time.perf_counter() < deadline:
            self._read(0.005)
            # Only the new bytes (plus an overlap) need searching: the output keeps growing.
            if pattern in _ESCAPES.sub("", self.raw[max(0, seen - 4096):].decode("utf-8", "replace")):
                return time.perf_counter() - self.started
            seen = len(self.raw)
            if self.proc.poll() is not None:
                break
        raise RuntimeError(f"{pattern!r} never showed; last output: {self.text()[-500:]!r}")

    def drain(self, seconds: float) -> None:
        """Keep reading (an app blocks when its terminal is full) for `seconds`."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self._read(min(0.1, max(0.0, end - time.perf_counter())))

    def type(self, keys: str) -> None:
        for char in keys:
            os.write(self.master, char.encode())
            self.drain(0.02)

    def cpu_seconds(self) -> float:
        """User + system CPU time of the app so far (from /proc/PID/stat)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        os.close(self.master)


def time_to_text(argv: list[str], home: Path, pattern: str = LOGIN_TEXT) -> float:
    term = Terminal(argv, home)
    try:
        return term.wait_for(pattern)
    finally:
        term.close()


def time_to_exit(argv: list[str], home: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env(home),
                   check=True, timeout=60)
    return time.perf_counter() - start


def bare_app(home: Path) -> list[str]:
    script = home / "bare_app.py"
    script.write_text(BARE_APP, encoding="utf-8")
    return [sys.executable, str(script)]


# What DESIGN's fixed client stack costs on its own: the bare app, plus an httpx.AsyncClient that made
# one GET to the mock server and one pydantic model that read the answer (TLS context without the CA
# bundle, as the client builds it for a loopback http:// server). Nothing of ours is imported; httpx
# and httpcore load without the extras the client never runs, as msa_tui/api/_http.py loads them
# (httpx's command-line tool, trio: msa_tui/api/_http.py, the one piece of msa-tui it imports), so the
# floor is not inflated by what the app itself avoids.
DESIGN_FLOOR_APP = """
import sys
from textual.app import App
from textual.widgets import Label


class DesignFloor(App):
    def compose(self):
        yield Label("Se connecter")

    async def on_mount(self):
        import ssl

        from msa_tui.api._http import httpx
        from pydantic import BaseModel

        class Health(BaseModel):
            status: str

        self.http = httpx.AsyncClient(base_url=sys.argv[1], verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        answer = await self.http.get("/api/v1/health")
        self.health = Health.model_validate_json(answer.content)
        self.query_one(Label).update("● Connecté")


DesignFloor().run()
"""


def design_floor_app(home: Path, server_url: str) -> list[str]:
    script = home / "design_floor_app.py"
    script.write_text(DESIGN_FLOOR_APP, encoding="utf-8")
    return [sys.executable, str(script), server_url]
