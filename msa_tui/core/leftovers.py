"""Folders named after the process that owns them, so that the next run can remove a dead one's.

A process killed (kill -9, the terminal closed) never runs its clean-up: the folder it
leaves is found at the next start by its name, "<prefix><pid>-<random>", and removed
when no process of that id lives any more (no Textual, no httpx).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (ours or another user's); a zombie does not."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process that its parent has not collected yet, or never will: where the process
    that inherits orphans does not reap them (some containers), a `kill -9` leaves one for good.
    Linux only (/proc); elsewhere every process that exists counts as alive."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    # "pid (command name) state ...": the name may hold spaces or parentheses, the state follows the last ")".
    fields = stat.rpartition(")")[2].split()
    return bool(fields) and fields[0] == "Z"


def make_pid_dir(root: Path, prefix: str) -> Path:
    """A new private (0700) folder under `root` whose name carries this process's id."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=root))


def owner_pid(path: Path, prefix: str) -> int | None:
    """The process id in a folder name made by `make_pid_dir`, or None if it has none."""
    if not path.name.startswith(prefix):
        return None
    head = path.name[len(prefix):].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def sweep_dead(root: Path, prefix: str) -> list[Path]:
    """Remove the folders under `root` left by processes that no longer run; returns them."""
    removed: list[Path] = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for path in entries:
        pid = owner_pid(path, prefix)
        if pid is None or pid == os.getpid() or pid_alive(pid) or path.is_symlink() or not path.is_dir():
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def clean_up_on_signals(clean_up: Callable[[], None]) -> None:
    """On SIGHUP (terminal closed) and SIGTERM: run `clean_up`, then die of the signal as usual."""
    import signal

    def handler(signum: int, _frame: object) -> None:
        try:
            clean_up()
        finally:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
