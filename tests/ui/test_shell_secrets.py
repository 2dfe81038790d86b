"""No password, token or NIR in clear lands on disk (platform dirs, logs) during a login and logout."""

from __future__ import annotations

import logging
from pathlib import Path

from msa_tui.core.logs import setup_logging
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, wait_for, wait_screen


def all_files(roots: list[Path]) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


async def test_full_session_writes_no_secret_to_disk(server_app, isolated_dirs, tmp_path):
    roots = [isolated_dirs] + [p for p in tmp_path.iterdir() if p.name.startswith("xdg_")]
    root_logger = logging.getLogger()
    saved_handlers = list(root_logger.handlers)
    log_path = setup_logging(level="DEBUG")
    try:
        app = make_app(server_app)
        tokens = []
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_screen(pilot, "LoginScreen")
            await pilot.press("ctrl+r")  # show the password: still never written
            await login(pilot)
            tokens = [app.client.tokens.access_token, app.client.tokens.refresh_token]
            await pilot.press("ctrl+l")
            await wait_screen(pilot, "ConfirmDialog")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.me is None)
            await wait_screen(pilot, "LoginScreen")
        for handler in root_logger.handlers:
            handler.flush()
    finally:
        for handler in list(root_logger.handlers):
            if handler not in saved_handlers:
                root_logger.removeHandler(handler)
                handler.close()
    assert log_path.exists() and log_path.is_relative_to(tmp_path)
    secrets = [DEMO_PASSWORD, DEMO_NIR, *tokens]
    files = all_files(roots)
    assert log_path in files
    assert log_path.stat().st_size > 0, "the session logged nothing: the check would prove nothing"
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret[:6]}… found in {path}"
