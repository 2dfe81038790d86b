"""`msa-tui` with launch flags reaches the app without importing argparse (an import guard, no timings)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

# The app itself is stood in for: what matters is what `main` loaded, and what it gave the app.
PROBE = """
    import json, sys
    import msa_tui.app
    seen = {}
    def run(self, *args, **kwargs):
        seen.update(loaded=sorted(m for m in ("argparse", "gettext", "msa_tui.commands_cli") if m in sys.modules),
                    server_url=self.config.server_url, language=self.config.language)
    msa_tui.app.MsaApp.run = run
    from msa_tui.cli import main
    sys.argv = ["msa-tui", *ARGV]
    assert main() == 0  # no argv given: main reads sys.argv, as the console script does
    print(json.dumps(seen))
"""


def launched(argv: list[str], home) -> dict:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_STATE_HOME": str(home / "state"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    code = textwrap.dedent(PROBE).replace("ARGV", repr(argv))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("argv", [["--server", "http://127.0.0.1:9", "--lang", "en"],
                                  ["--server=http://127.0.0.1:9", "--lang=en"]])
def test_the_app_starts_without_argparse(tmp_path, argv):
    seen = launched(argv, tmp_path)
    assert seen == {"loaded": [], "server_url": "http://127.0.0.1:9", "language": "en"}


def test_an_abbreviated_flag_still_reaches_the_app_through_argparse(tmp_path):
    seen = launched(["--serv", "http://127.0.0.1:9", "--lan", "en"], tmp_path)
    assert seen["loaded"] == ["argparse", "gettext", "msa_tui.commands_cli"]
    assert (seen["server_url"], seen["language"]) == ("http://127.0.0.1:9", "en")
