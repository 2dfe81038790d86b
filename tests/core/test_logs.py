"""The log file: written under the log dir, owner-only, with secrets and NIRs redacted."""

from __future__ import annotations

import logging
import os
import stat
import sys

import pytest

from msa_tui.core.logs import NIR_PLACEHOLDER, REDACTED, RedactingFilter, redact, setup_logging

SECRETS = ["eyJhbGciOiJIUzI1NiJ9.payload.sig", "ref-456-secret", "hunter2", "demo-msa-2026"]


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers = list(root.handlers)
    levels = {name: logging.getLogger(name).level for name in ("msa_tui", "httpx", "httpcore")}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize(("text", "expected"), [
    ("Authorization: Bearer eyJhbGciOi.abc.def", f"Authorization: {REDACTED}"),
    ("sent bearer abc123== to server", f"sent bearer {REDACTED} to server"),
    ('{"authorization": "Basic dXNlcjpwYXNz"}', f'{{"authorization": "{REDACTED}"}}'),
    ('{"access_token": "a\\"b", "refresh_token":"r", "token_type": "bearer", "expires_in": 900}',
     f'{{"access_token": "{REDACTED}", "refresh_token":"{REDACTED}", "token_type": "bearer", "expires_in": 900}}'),
    ("{'password': 'hunter2', 'ok': 1}", f"{{'password': '{REDACTED}', 'ok': 1}}"),
    ('{"new_password": "x y z", "current_password": "w"}',
     f'{{"new_password": "{REDACTED}", "current_password": "{REDACTED}"}}'),
    ("password=abc&next=1", f"password={REDACTED}&next=1"),
    ('{"password": null}', '{"password": null}'),
])
def test_redact_secrets(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("nir", ["1850712345678", "185071234567865", "1 85 07 12 345 678", "1 85 07 12 345 678 65",
                                 "178022A123456", "178022a12345637", "1 78 02 2B 123 456", "2.90.05.29.012.345",
                                 "7850712345678"])
def test_redact_nirs(nir):
    assert redact(f"login nir={nir}, done") == f"login nir={NIR_PLACEHOLDER}, done"
    assert redact(f'{{"nir": "{nir}"}}') == f'{{"nir": "{NIR_PLACEHOLDER}"}}'
    assert redact(f"/members/{nir}/x") == f"/members/{NIR_PLACEHOLDER}/x"


@pytest.mark.parametrize("text", ["amount 123.45 on 2026-11-15", "id 12345678", "order 18507123456789012",
                                  "ref MSA-2026-000123", "uuid 0e4b7c3a-1850-7123-4567-8abcdef01234"])
def test_redact_leaves_ordinary_text(text):
    assert redact(text) == text


def test_nir_followed_by_a_year_keeps_the_year():
    assert redact("2900529012345 2026") == f"{NIR_PLACEHOLDER} 2026"


def test_setup_logging_writes_redacted_records(isolated_dirs, restore_logging, tmp_path):
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "msa-tui.log"
    log = logging.getLogger("msa_tui.test")
    log.info("login %s with %s", "1850712345678", {"password": "hunter2"})
    log.info("headers %r", {"Authorization": f"Bearer {SECRETS[0]}"})
    log.warning('body {"refresh_token": "%s"}', SECRETS[1])
    try:
        raise RuntimeError("failed for 178022A123456 password=demo-msa-2026")
    except RuntimeError:
        log.exception("boom")
    log.info("stack", stack_info=True)
    logging.getLogger("httpx").warning("GET /x?nir=2900529012345 failed")
    logging.getLogger("httpx").info("HTTP Request: GET /x?nir=2900529012345")  # below WARNING: dropped
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    for secret in SECRETS + ["1850712345678", "178022A123456", "2900529012345"]:
        assert secret not in text
    assert text.count(NIR_PLACEHOLDER) >= 3
    assert "RuntimeError" in text and "Traceback" in text and "boom" in text
    assert "HTTP Request" not in text
    assert logging.getLogger("httpx").level == logging.WARNING
    assert logging.getLogger("httpcore").level == logging.WARNING


def test_default_dir_and_private_file(isolated_dirs, restore_logging, tmp_path):
    path = setup_logging()
    assert str(path).startswith(str(tmp_path)) and path.name == "msa-tui.log"
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_setup_twice_keeps_one_handler(isolated_dirs, restore_logging, tmp_path):
    before = len(logging.getLogger().handlers)
    setup_logging(tmp_path / "a")
    setup_logging(tmp_path / "b")
    assert len(logging.getLogger().handlers) == before + 1
    logging.getLogger("msa_tui").info("only in b")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "only in b" in (tmp_path / "b" / "msa-tui.log").read_text(encoding="utf-8")
    assert "only in b" not in (tmp_path / "a" / "msa-tui.log").read_text(encoding="utf-8")


def test_level_from_environment(isolated_dirs, restore_logging, tmp_path, monkeypatch):
    monkeypatch.setenv("MSA_TUI_LOG_LEVEL", "debug")
    setup_logging(tmp_path)
    assert logging.getLogger("msa_tui").level == logging.DEBUG
    monkeypatch.setenv("MSA_TUI_LOG_LEVEL", "bavard")
    setup_logging(tmp_path)
    assert logging.getLogger("msa_tui").level == logging.INFO


def test_bad_format_arguments_do_not_lose_the_record():
    # Called directly: under pytest, its own capture handler would choke on the record first.
    record = logging.LogRecord("msa_tui", logging.INFO, __file__, 1, "two %s %s", ("1850712345678",), None)
    assert RedactingFilter().filter(record)
    assert "two" in record.getMessage() and "1850712345678" not in record.getMessage()
