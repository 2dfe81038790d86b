"""Kiosk mode against `kill -9`: the real `msa-tui --demo --kiosk` in tmux, killed mid-session, then started again.

A killed process runs no clean-up at all; what it left (its downloads folder, the demo server's
data) must be gone once the next kiosk process has started, and the member's NIR nowhere.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from msa_tui.core.leftovers import owner_pid, pid_alive
from msa_tui.core.nir import format_nir
from msa_tui.demo import DATA_DIR_PREFIX
from tests.support.members import DEMO_NIR, DEMO_PASSWORD, OTHER_NIR
from tests.support.tmux import Tmux, app_command, isolated_env, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700)
    return path


def kiosk_sessions(tmp: Path) -> list[Path]:
    root = tmp / f"msa-tui-kiosk-{os.getuid()}"
    return sorted(root.glob("session-*")) if root.is_dir() else []


def demo_dirs(tmp: Path) -> list[Path]:
    return sorted(tmp.glob(f"{DATA_DIR_PREFIX}*"))


def every_file(root: Path, *, leaving_out: list[Path]) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not any(p.is_relative_to(d) for d in leaving_out)]


@pytest.fixture
def tmux():
    tmux = Tmux()
    try:
        yield tmux
    finally:
        tmux.kill_server()


def test_a_kiosk_session_killed_by_sigkill_leaves_nothing_once_the_next_one_starts(tmp_path: Path, tmux: Tmux):
    tmp = private_dir(tmp_path / "tmp")
    scanner = private_dir(tmp_path / "scanner")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'kiosk_documents_dir = "{scanner}"\n', encoding="utf-8")
    env = isolated_env(tmp_path, TMPDIR=str(tmp), XDG_RUNTIME_DIR=str(private_dir(tmp_path / "runtime")))
    command = app_command(env, "--demo", "--kiosk", "--config", str(config))

    # A member logs in and saves an attestation: it lands in this process's kiosk folder.
    tmux.start(command, name="first")
    tmux.wait_for("Se connecter", "○ Déconnecté")
    tmux.keys(DEMO_NIR, "Tab", DEMO_PASSWORD, "Enter")
    tmux.wait_for("● Connecté", "Pierre Martin")
    tmux.keys("C-p")
    tmux.wait_for("Rechercher une page ou une commande")
    tmux.keys("Obtenir mes attestations", literal=True)
    tmux.wait_for("Aller à : Obtenir mes attestations")
    tmux.keys("Enter")
    tmux.wait_for("Quelle attestation voulez-vous ?", "Ctrl+S : obtenir")
    tmux.keys("C-s")
    tmux.wait_for("Attestation enregistrée")
    [killed] = kiosk_sessions(tmp)
    assert wait_until(lambda: any(killed.glob("*.pdf"))), "the attestation never reached the kiosk folder"
    pid = owner_pid(killed, "session-")
    assert pid is not None and pid_alive(pid)
    [killed_demo] = demo_dirs(tmp)
    assert owner_pid(killed_demo, DATA_DIR_PREFIX) == pid

    # kill -9: no handler, no clean-up; the folders stay behind for now.
    os.kill(pid, signal.SIGKILL)
    assert wait_until(lambda: not tmux.alive()), "the killed app's pane did not close"
    assert any(killed.glob("*.pdf")) and killed_demo.is_dir()

    # The next kiosk process, on the same desk: the killed session's folders go at its start.
    tmux.start(command, name="second")
    tmux.wait_for("Se connecter", "○ Déconnecté")
    assert not killed.exists()
    [current] = kiosk_sessions(tmp)
    assert owner_pid(current, "session-") != pid and list(current.iterdir()) == []
    # The next member logs in: the demo server, started by then, has swept the killed one's data.
    tmux.keys(OTHER_NIR, "Tab", DEMO_PASSWORD, "Enter")
    tmux.wait_for("● Connecté", "Sophie Le Gall")
    assert wait_until(lambda: not killed_demo.exists()), "the killed demo server's data stayed"

    live_demo = demo_dirs(tmp)  # the running server's seed holds every demo member: not the session's
    left = every_file(tmp_path, leaving_out=live_demo)
    assert not [p for p in left if p.suffix == ".pdf"]
    for path in left:
        content = path.read_bytes()
        assert DEMO_NIR.encode() not in content and format_nir(DEMO_NIR).encode() not in content, path
