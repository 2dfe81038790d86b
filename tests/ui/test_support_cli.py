"""Support desk: French --help, `msa-tui doctor` against a live and a stopped server, `web` refusals."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from msa_tui import cli
from msa_tui.colour_env import apply_colour_conventions, colour_off
from msa_tui.core.config import ENV_VARS
from msa_tui.mock_server.runner import ServerThread
from tests.support.members import DEMO_NIR


def run_cli(args: list[str], home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **extra}
    return subprocess.run([sys.executable, "-m", "msa_tui", *args], capture_output=True, text=True,
                          timeout=60, env=env)


def test_help_is_french_and_lists_variables_and_commands(isolated_dirs):
    result = run_cli(["--help"], isolated_dirs)
    out = result.stdout
    assert result.returncode == 0
    assert out.startswith("utilisation : msa-tui")
    assert "afficher cette aide et quitter" in out and "afficher la version" in out
    assert "usage:" not in out and "show this help" not in out
    for variable in [*ENV_VARS, "MSA_TUI_CONFIG"]:
        assert variable in out
    assert "doctor" in out and "web" in out
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(("args", "french"), [
    (["--bogus"], "arguments non reconnus : --bogus"),
    (["--lang", "de"], "choix invalide"),
    (["--server"], "une valeur est attendue"),
    (["frob"], "choix invalide"),
    (["web", "--port", "huit"], "valeur invalide"),
])
def test_usage_errors_are_french(isolated_dirs, capsys, args, french):
    with pytest.raises(SystemExit) as stop:
        cli.main(args)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "utilisation : msa-tui" in err and " : erreur : " in err and french in err
    assert "error:" not in err


def test_other_parsers_keep_english(isolated_dirs):
    import argparse

    cli.build_parser().format_help()
    assert "usage: " in argparse.ArgumentParser(prog="x").format_usage()


@pytest.fixture
def live_server(tmp_path):
    with ServerThread(tmp_path / "srv", today=date(2026, 11, 15)) as server:
        yield server.url.rstrip("/")


def test_doctor_against_a_live_server_passes_and_says_nothing_personal(isolated_dirs, live_server):
    result = run_cli(["doctor", "--server", live_server], isolated_dirs, NO_COLOR="")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "OK" in out and "le serveur répond" in out and live_server in out
    assert "option de la ligne de commande" in " ".join(out.split())  # server_url's source
    assert "ÉCHEC" not in out.split("Résultat")[0]
    assert max(len(line) for line in out.splitlines()) <= 80
    assert DEMO_NIR not in out and "@" not in out


def test_doctor_json_parses_and_names_sources(isolated_dirs, live_server):
    result = run_cli(["--server", live_server, "doctor", "--json"], isolated_dirs, MSA_TUI_LANG="en")
    report = json.loads(result.stdout)
    assert report["ok"] is True and result.returncode == 0
    settings = {c["label"]: c["data"] for c in report["checks"] if c["section"] == "Configuration"}
    assert settings["server_url"]["source"] == "flag"
    assert settings["language"] == {"value": "en", "source": "env", "variable": "MSA_TUI_LANG"}
    assert settings["theme"]["source"] == "default"


def test_doctor_against_a_stopped_server_fails(isolated_dirs):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli(["doctor", "--server", f"http://127.0.0.1:{port}"], isolated_dirs)
    assert result.returncode == 1
    assert "ÉCHEC" in result.stdout and "le serveur ne répond pas" in result.stdout


def test_web_on_a_port_in_use_exits_2_in_french(isolated_dirs):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli(["web", "--port", str(port)], isolated_dirs)
    assert result.returncode == 2
    assert "impossible d'écouter" in result.stderr and "--port" in result.stderr


def test_web_runs_the_app_with_the_same_settings():
    from msa_tui.commands_cli import web

    args = cli.build_parser().parse_args(["--server", "https://msa.example", "web", "--demo", "--lang", "en"])
    command = web.app_command(args)
    assert command.endswith("-m msa_tui --server https://msa.example --lang en --demo")
    assert web.is_loopback("127.0.0.1") and web.is_loopback("::1") and not web.is_loopback("0.0.0.0")


@pytest.mark.parametrize(("env", "off"), [
    ({"NO_COLOR": ""}, False),
    ({"NO_COLOR": "1"}, True),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ({"FORCE_COLOR": ""}, False),
    ({}, False),
])
def test_colour_conventions(env, off):
    env = dict(env)
    assert colour_off(env) is off
    apply_colour_conventions(env)
    assert ("NO_COLOR" in env) is off


@pytest.mark.parametrize(("no_color", "offered"), [("1", False), ("", True)])
def test_theme_command_only_with_colour(isolated_dirs, monkeypatch, no_color, offered):
    from msa_tui.app import MsaApp

    monkeypatch.setenv("NO_COLOR", no_color)
    app = MsaApp(server_url="http://127.0.0.1:9")
    titles = [command.title for command in app.get_system_commands(None)]
    assert ("Changer de thème" in titles) is offered
    assert "0.1.0" in app.about and "http://127.0.0.1:9" in app.about
