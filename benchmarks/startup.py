"""Start-up benchmark: time to the painted login screen of `msa-tui --demo` vs a bare Textual app,
and `msa-tui --help` vs `python -c pass`. Median of 5 runs each; prints a Markdown table.

Both apps are measured the same way: started in a pseudo-terminal (80x24) with
MSA_TUI_EXIT_AFTER_PAINT=<file>; on its first paint the app writes the wall time there and
exits. The figure is that time minus the moment the process was spawned.
"""

from __future__ import annotations

import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

RUNS = 5
PAINTED_ENV = "MSA_TUI_EXIT_AFTER_PAINT"

BARE_APP = """
import os, time
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Bonjour")
    def on_mount(self):
        self.call_after_refresh(self.painted)
    def painted(self):
        with open(os.environ["MSA_TUI_EXIT_AFTER_PAINT"], "w") as handle:
            handle.write(repr(time.time()))
        self.exit()

Bare().run()
"""


def _env(home: Path, marker: Path | None) -> dict[str, str]:
    env = {
        "HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color",
        "LANG": "C.UTF-8", "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
    }
    if marker is not None:
        env[PAINTED_ENV] = str(marker)
    return env


def time_to_paint(argv: list[str], home: Path) -> float:
    """Seconds from spawn to the first paint, the app running in an 80x24 pseudo-terminal."""
    marker = home / "painted"
    marker.unlink(missing_ok=True)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.time()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=_env(home, marker),
                            close_fds=True)
    os.close(slave)
    try:
        while proc.poll() is None:  # drain the terminal so the app never blocks on output
            try:
                os.read(master, 65536)
            except OSError:
                break
        proc.wait(timeout=60)
    finally:
        os.close(master)
    return float(marker.read_text()) - start


def time_to_exit(argv: list[str], home: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(home, None),
                   check=True, timeout=60)
    return time.perf_counter() - start


def median(fn, argv: list[str], home: Path) -> float:
    fn(argv, home)  # warm the OS file cache and .pyc files; not counted
    return statistics.median(fn(argv, home) for _ in range(RUNS))


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="msa-bench-") as tmp:
        home = Path(tmp)
        bare_script = home / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        demo = median(time_to_paint, [python, "-m", "msa_tui", "--demo"], home)
        bare = median(time_to_paint, [python, str(bare_script)], home)
        help_ = median(time_to_exit, [python, "-m", "msa_tui", "--help"], home)
        nothing = median(time_to_exit, [python, "-c", "pass"], home)
    rows = [
        ("login screen painted, `msa-tui --demo`", demo, "bare Textual app, one Label", bare, 1.25),
        ("`msa-tui --help`", help_, "`python -c pass`", nothing, 3.0),
    ]
    print(f"Median of {RUNS} runs (after one warm-up), Python {sys.version.split()[0]}\n")
    print("| measure | seconds | baseline | seconds | ratio | target |")
    print("|---|---|---|---|---|---|")
    for what, value, base_what, base, target in rows:
        ratio = value / base
        verdict = "met" if ratio <= target else "MISSED"
        print(f"| {what} | {value:.3f} | {base_what} | {base:.3f} | {ratio:.2f}x | ≤ {target}x ({verdict}) |")


if __name__ == "__main__":
    main()
