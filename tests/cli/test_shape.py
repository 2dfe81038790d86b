"""The command line's shape: French --help per noun, nothing from Textual loaded, completion scripts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from msa_tui.commands_cli import COMMANDS

NOUNS = ["auth", "me", "payments", "attestations", "documents", "messages", "send-document", "requests",
         "constraints", "completion"]


def run_python(code: str, home) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120, env={"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": str(home)})


def test_every_noun_is_a_command():
    assert {name.replace("_", "-") for name in COMMANDS} >= set(NOUNS)


def test_noun_help_is_french_and_loads_nothing_heavy(isolated_dirs):
    result = run_python(f"""
        import sys
        from msa_tui.cli import main
        for noun in {NOUNS!r}:
            try:
                main([noun, "--help"])
            except SystemExit:
                pass
        print("HEAVY", [m for m in ("textual", "httpx", "pydantic") if m in sys.modules])
    """, isolated_dirs)
    assert result.stdout.count("utilisation : msa-tui") == len(NOUNS)
    assert "afficher cette aide et quitter" in result.stdout
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(("args", "client"), [
    (["payments", "list"], "msa_tui.api.light"),  # a read: the light client, no httpx (tests/cli/test_light.py)
    (["send-document", "--object", "x", "--nature", "y", "--attest", "f.pdf"], "httpx"),
    (["auth", "status"], "httpx"),
])
def test_running_a_noun_never_imports_textual(isolated_dirs, args, client):
    # Not logged in and no server: each runs to its exit status having loaded the client, never Textual.
    result = run_python(f"""
        import sys
        from msa_tui.cli import main
        code = main({args!r})
        print("EXIT", code, "TEXTUAL", "textual" in sys.modules, "CLIENT", {client!r} in sys.modules)
    """, isolated_dirs)
    assert "TEXTUAL False CLIENT True" in result.stdout, result.stdout + result.stderr
    assert "EXIT 3" in result.stdout


def test_usage_errors_exit_2_in_french(msa):
    result = msa("payments")
    assert result.status == 2 and "obligatoires" in result.err
    result = msa("payments", "list", "--limit", "3", "--all")
    assert result.status == 2 and "impossible avec" in result.err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_nouns_and_verbs(msa, shell):
    result = msa("completion", shell)
    assert result.status == 0
    for word in ("send-document", "payments", "list", "--password-stdin", "--idempotency-key"):
        assert word.lstrip("-") in result.out  # fish writes long options without their dashes


def test_bash_completion_is_valid_bash(msa, tmp_path):
    script = tmp_path / "msa-tui.bash"
    script.write_text(msa("completion", "bash").out, encoding="utf-8")
    check = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
