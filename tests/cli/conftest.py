"""The scripting commands run in-process against the mock server (httpx.ASGITransport, no socket).

`msa` runs `msa-tui ARGS…` through `cli.main` and returns (exit status, stdout, stderr); the
keyring is an in-memory double shared by every run of one test, so a login persists between
commands the way the OS keyring would.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest

from msa_tui import cli
from msa_tui.commands_cli import _script
from msa_tui.core.credentials import CredentialStore
from tests.support.members import DEMO_NIR, PASSWORD
from tests.support.ui import MemoryKeyring


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def msa(server_app, keyring, isolated_dirs, monkeypatch, capsys) -> Callable[..., Run]:
    monkeypatch.delenv("MSA_TUI_TOKEN", raising=False)
    monkeypatch.delenv("MSA_TUI_SERVER", raising=False)
    monkeypatch.setattr(_script, "hooks", _script.Hooks(
        transport=lambda: httpx.ASGITransport(app=server_app),
        credentials=lambda: CredentialStore(backend=keyring),
        client_kwargs={"backoff": 0.0},
    ))

    def run(*args: str, stdin: str | io.StringIO = "") -> Run:
        capsys.readouterr()
        # A StringIO of the test's own lets a line depend on what the command did before reading it.
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin) if isinstance(stdin, str) else stdin)
        try:
            status = cli.main(["--server", "http://testserver", *args])
        except SystemExit as exc:  # argparse: usage errors and --help
            status = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


@pytest.fixture
def logged_in(msa) -> Callable[..., Run]:
    """`msa`, after `auth login` as Pierre Martin."""
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.status == 0, result.err
    return msa
