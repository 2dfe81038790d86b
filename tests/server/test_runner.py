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


def test_without_demo_outbox_there_is_no_outbox_and_no_docs(make_app) -> None:
    from fastapi.testclient import TestClient

    with TestClient(make_app(demo_outbox=False)) as client:
        for path in ("/api/v1/dev/outbox", "/docs", "/redoc", "/openapi.json"):
            assert client.get(path).status_code == 404, path
    with TestClient(make_app(demo_outbox=True)) as client:
        for path in ("/api/v1/dev/outbox", "/docs", "/redoc", "/openapi.json"):
            assert client.get(path).status_code == 200, path


def test_command_line_opens_the_outbox_only_with_demo_outbox(tmp_path: Path) -> None:
    for flags, expected in (([], 404), (["--demo-outbox"], 200)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "msa_tui.mock_server", "--port", "0", "--data-dir", str(tmp_path / "o"),
             "--today", "2026-11-15", *flags],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            url = proc.stdout.readline().split(" : ", 1)[1].split()[0]
            assert httpx.get(f"{url}/dev/outbox").status_code == expected
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def test_a_foreign_host_header_is_refused_on_a_socket(tmp_path: Path) -> None:
    with ServerThread(tmp_path / "d", today=date(2026, 11, 15)) as server:
        health = f"{server.url}/api/v1/health"
        assert httpx.get(health).status_code == 200
        for host in (f"localhost:{server.port}", f"[::1]:{server.port}"):
            assert httpx.get(health, headers={"Host": host}).status_code == 200, host
        for host in (f"evil.example:{server.port}", "127.0.0.1:1", f"127.0.0.1.nip.io:{server.port}"):
            r = httpx.get(health, headers={"Host": host})
            assert r.status_code == 421, host
            assert r.json()["code"] == "misdirected_request"
        assert httpx.get(health, headers={"Host": "[::1"}).status_code == 400


def test_demo_mode_passes_demo_outbox(tmp_path: Path) -> None:
    from msa_tui.demo import DemoServer

    demo = DemoServer(tmp_path / "demo", today=date(2026, 11, 15))
    try:
        url = demo.wait_url(timeout=30)
        assert httpx.get(f"{url}/api/v1/dev/outbox").status_code == 200
    finally:
        demo.stop()
