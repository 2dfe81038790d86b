"""Import guards of the start-up (what may load before the login screen shows), as tests, not timings."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = """
    import asyncio, json, sys
    from msa_tui.app import MsaApp
    from msa_tui.core.config import Config
    from msa_tui.demo import PLACEHOLDER_URL, DemoServer

    seen = {}

    painted = MsaApp.first_screen_painted

    def probe(self):
        seen["before"] = set(sys.modules)
        painted(self)

    MsaApp.first_screen_painted = probe

    async def main():
        server = DemoServer()
        app = MsaApp(Config(), server_url=PLACEHOLDER_URL, transport=server.transport, demo=True,
                    demo_server=server)
        async with app.run_test(size=(80, 24)) as pilot:
            while "before" not in seen:
                await pilot.pause(0.02)
            # The services start after the frame is out; the first call waits for the server.
            url = await asyncio.wait_for(server.await_url(), 60)
        server.stop()
        return url

    url = asyncio.run(main())
    heavy = ("fastapi", "uvicorn", "httpx", "pydantic", "keyring", "logging.handlers", "msa_tui.api.client",
             "msa_tui.mock_server")
    print(json.dumps({"url": url, "before": sorted(m for m in heavy if m in seen["before"]),
                      "after": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_the_login_screen_shows_before_the_server_client_and_keyring_load(tmp_path) -> None:
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(PROBE)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["before"] == [], "loaded before the login screen was on show"
    assert result["url"].startswith("http://127.0.0.1:")
    assert {"fastapi", "uvicorn", "msa_tui.mock_server", "logging.handlers"} <= set(result["after"])
