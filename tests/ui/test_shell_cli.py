"""The `msa-tui` command line: cheap --help, --version, config errors in French, demo server lifecycle."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import httpx

from msa_tui import cli
from tests.support.members import DEMO_NIR, DEMO_PASSWORD


def run_python(code: str, env_home) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=60, env={"HOME": str(env_home), "PATH": "/usr/bin:/bin"})


def test_help_imports_no_ui_and_no_server(isolated_dirs):
    result = run_python("""
        import sys
        from msa_tui.cli import main
        try:
            main(["--help"])
        except SystemExit:
            pass
        heavy = [m for m in ("textual", "fastapi", "uvicorn", "httpx", "pydantic") if m in sys.modules]
        print("HEAVY", heavy)
    """, isolated_dirs)
    assert "--demo" in result.stdout and "--server" in result.stdout
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_module_entry_point_is_the_command(isolated_dirs):
    result = subprocess.run([sys.executable, "-m", "msa_tui", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("msa-tui ")


def test_bad_config_prints_french_and_exits_2(tmp_path, isolated_dirs, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("idle_timeout_s = 'beaucoup'\n", encoding="utf-8")
    assert cli.main(["--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "idle_timeout_s" in err and "entier" in err


def test_bad_server_flag_exits_2(isolated_dirs, capsys):
    assert cli.main(["--server", "ftp://exemple"]) == 2
    assert "http" in capsys.readouterr().err


def test_data_dir_needs_demo(tmp_path, isolated_dirs, capsys):
    assert cli.main(["--data-dir", str(tmp_path)]) == 2
    assert "--demo" in capsys.readouterr().err


async def test_demo_server_serves_then_cleans_up(isolated_dirs):
    from msa_tui.demo import DemoServer

    server = DemoServer()
    server.start_background()
    url = await server.await_url()
    assert url.startswith("http://127.0.0.1:")
    data_dir = server.data_dir
    assert data_dir is not None and data_dir.exists()
    transport = server.transport()
    async with httpx.AsyncClient(base_url="http://127.0.0.1/api/v1", transport=transport) as http:
        response = await http.post("/auth/login", json={"nir": DEMO_NIR, "password": DEMO_PASSWORD})
    assert response.status_code == 200
    server.stop()
    assert not data_dir.exists()


def test_plain_http_to_another_host_is_refused_at_start_up(isolated_dirs, capsys, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    assert cli.main(["--server", "http://msa.example.com"]) == 2
    err = capsys.readouterr().err
    assert "non chiffrée" in err and "https://msa.example.com" in err


def test_plain_http_from_the_environment_is_refused_too(isolated_dirs, capsys, monkeypatch):
    monkeypatch.setenv("MSA_TUI_SERVER", "http://10.0.0.8:8765")
    assert cli.main([]) == 2
    assert "non chiffrée" in capsys.readouterr().err


def test_a_missing_ca_bundle_is_refused_in_french(tmp_path, isolated_dirs, capsys):
    assert cli.main(["--server", "https://msa.example.com", "--ca-bundle", str(tmp_path / "absent.pem")]) == 2
    assert "certificats" in capsys.readouterr().err
