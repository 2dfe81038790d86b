"""The parser is built lazily: which command modules each way of starting `msa-tui` imports (no timings)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap

import pytest

from msa_tui.commands_cli import COMMANDS, LISTED

NOUN_MODULES = [f"msa_tui.commands_cli.{name}" for name in COMMANDS]


def test_the_static_help_lines_are_the_modules_own():
    assert list(LISTED) == list(COMMANDS)
    for module_name, (name, help_text) in LISTED.items():
        module = importlib.import_module(f"msa_tui.commands_cli.{module_name}")
        assert (module.NAME, module.HELP) == (name, help_text)


def loaded_after(code: str, home) -> dict:
    """Runs `code` in a fresh interpreter; the command modules and heavy libraries it left loaded."""
    probe = textwrap.dedent(code) + textwrap.dedent(f"""
        import json, sys
        print(json.dumps({{
            "nouns": sorted(m for m in {NOUN_MODULES + ["msa_tui.commands_cli._script"]!r} if m in sys.modules),
            "heavy": sorted(m for m in ("textual", "httpx", "pydantic", "keyring", "platformdirs") if m in sys.modules),
        }}))
    """)
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_STATE_HOME": str(home / "state"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_lists_every_command_without_importing_one(tmp_path):
    result = loaded_after("""
        import contextlib, io
        from msa_tui.cli import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            main(["--help"])
        from msa_tui.commands_cli import LISTED
        words = out.getvalue().split()
        assert all(name in words and text.split()[0] in words for name, text in LISTED.values())
    """, tmp_path)
    assert result == {"nouns": [], "heavy": []}


def test_the_app_starts_without_building_the_commands(tmp_path):
    # The app itself is stood in for: what matters is what `main` loaded before handing over to it.
    result = loaded_after("""
        import sys
        seen = {}
        import msa_tui.app
        def run(self, *args, **kwargs):
            seen.update(nouns=[m for m in sys.modules if m.startswith("msa_tui.commands_cli.")])
        msa_tui.app.MsaApp.run = run
        from msa_tui.cli import main
        assert main(["--server", "http://127.0.0.1:9"]) == 0
        assert seen["nouns"] == [], seen  # the launch flags are read without the parser (launch_args)
    """, tmp_path)
    assert result["nouns"] == []
    assert "keyring" not in result["heavy"] and "httpx" not in result["heavy"]


@pytest.mark.parametrize("noun", ["payments", "send-document", "completion"])
def test_a_command_builds_its_own_parser_only(tmp_path, noun):
    result = loaded_after(f"""
        import contextlib, io
        from msa_tui.cli import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            main([{noun!r}, "--help"])
    """, tmp_path)
    nouns = set(result["nouns"]) - {"msa_tui.commands_cli._script"}  # the nouns' shared code
    assert nouns == {f"msa_tui.commands_cli.{noun.replace('-', '_')}"}
