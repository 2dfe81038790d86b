"""Folders named after their process: a dead (or zombie) owner's folder is swept, a living one's kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from msa_tui.core.leftovers import make_pid_dir, owner_pid, pid_alive, sweep_dead


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="zombies are told apart through /proc")
def test_a_killed_process_not_yet_collected_counts_as_dead(tmp_path: Path):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        assert pid_alive(child.pid)
        (tmp_path / f"run-{child.pid}-abcd").mkdir()
        os.kill(child.pid, signal.SIGKILL)
        # Not waited for: the child stays a zombie, as under an init that never reaps.
        stat = Path(f"/proc/{child.pid}/stat")
        deadline = time.monotonic() + 30
        while ") Z " not in stat.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not pid_alive(child.pid)
        assert sweep_dead(tmp_path, "run-") == [tmp_path / f"run-{child.pid}-abcd"]
    finally:
        child.kill()
        child.wait()


def test_a_living_owner_keeps_its_folder_and_ours_is_never_swept(tmp_path: Path):
    ours = make_pid_dir(tmp_path, "run-")
    assert owner_pid(ours, "run-") == os.getpid()
    parent = tmp_path / f"run-{os.getppid()}-efgh"
    parent.mkdir()
    assert sweep_dead(tmp_path, "run-") == []
    assert ours.exists() and parent.exists()
