"""The server on a real loopback socket: ServerThread and the `python -m msa_tui.mock_server` command."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import httpx

from msa_tui.mock_server.runner import ServerThread
from tests.support.server import PASSWORD, PIERRE


def test_server_thread_serves_on_a_free_port(tmp_path: Path) -> None:
    with ServerThread(tmp_path / "d", today=date(2026, 11, 15)) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0
        login = httpx.post(f"{server.url}/api/v1/auth/login", json={"nir": PIERRE, "password": PASSWORD})
        token = login.json()["access_token"]
        me = httpx.get(f"{server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["last_name"] == "Martin"
    assert not server.alive


def test_command_line_runs_and_stops_on_sigterm(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "msa_tui.mock_server", "--host", "127.0.0.1", "--port", "0",
         "--data-dir", str(tmp_path / "cli"), "--today", "2026-11-15"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline()  # printed once the socket listens
        url = line.split(" : ", 1)[1].split()[0]
        assert httpx.get(f"{url}/health").json() == {"status": "ok"}
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (tmp_path / "cli" / "msa.sqlite3").exists()


def test_command_line_refuses_bad_flags(tmp_path: Path) -> None:
    bad = subprocess.run([sys.executable, "-m", "msa_tui.mock_server", "--data-dir", str(tmp_path),
                          "--today", "demain"], capture_output=True, text=True)
    assert bad.returncode == 2
