"""`msa-tui auth …` and MSA_TUI_TOKEN: the session kept in the keyring, exit 3 without one."""

from __future__ import annotations

import io
import json
import re

import pytest
from fastapi.testclient import TestClient

from tests.support.members import DEMO_NIR, PASSWORD
from tests.support.server import Api


def test_login_keeps_the_session_in_the_keyring_and_status_names_the_member(msa, keyring):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.status == 0, result.err
    assert "Pierre Martin" in result.err
    assert PASSWORD not in result.out + result.err
    assert ("msa-tui", "session") in keyring.secrets
    status = msa("auth", "status", "--json")
    assert status.status == 0
    data = json.loads(status.out)
    assert data["logged_in"] is True and data["source"] == "keyring"
    assert data["member"]["last_name"] == "Martin"


def test_wrong_password_is_refused_with_exit_1(msa, keyring):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin="pas-le-bon\n")
    assert result.status == 1
    assert result.err.strip()
    assert ("msa-tui", "session") not in keyring.secrets


def test_no_password_argument_exists(msa):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password", PASSWORD)
    assert result.status == 2
    assert "non reconnus" in result.err


def test_without_a_terminal_the_nir_is_required(msa):
    result = msa("auth", "login", "--password-stdin", stdin=PASSWORD + "\n")
    assert result.status == 2
    assert "--nir" in result.err


def test_logout_then_the_next_command_exits_3(logged_in, keyring):
    assert logged_in("auth", "logout").status == 0
    assert ("msa-tui", "session") not in keyring.secrets
    result = logged_in("payments", "list")
    assert result.status == 3
    assert "auth login" in result.err


def test_not_logged_in_json_prints_a_problem_object(msa):
    result = msa("me", "--json")
    assert result.status == 3
    problem = json.loads(result.out)
    assert problem["status"] == 401 and problem["exit_status"] == 3 and problem["detail"]


def test_print_token_feeds_msa_tui_token(msa, keyring, monkeypatch):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", "--print-token", stdin=PASSWORD + "\n")
    assert result.status == 0, result.err
    token = result.out.strip()
    keyring.secrets.clear()  # only the environment variable is left
    monkeypatch.setenv("MSA_TUI_TOKEN", token)
    me = msa("me", "--json")
    assert me.status == 0, me.err
    assert json.loads(me.out)["nir"] == DEMO_NIR
    assert json.loads(msa("auth", "status", "--json").out)["source"] == "env"
    monkeypatch.setenv("MSA_TUI_TOKEN", "jeton-inconnu")
    assert msa("me").status == 3


def test_without_a_keyring_nothing_is_kept_and_it_says_so(msa, monkeypatch):
    from msa_tui.commands_cli import _script
    from msa_tui.core.credentials import CredentialStore

    class Failing:
        def get_password(self, *args):
            raise RuntimeError("no D-Bus")

    monkeypatch.setattr(_script.hooks, "credentials", lambda: CredentialStore(backend=Failing()))
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.status == 0
    assert "trousseau" in result.err and "MSA_TUI_TOKEN" in result.err
    assert msa("auth", "status").status == 3


def test_auth_token_prints_a_working_token(logged_in, monkeypatch):
    result = logged_in("auth", "token")
    assert result.status == 0
    monkeypatch.setenv("MSA_TUI_TOKEN", result.out.strip())
    assert logged_in("me").status == 0


def test_server_down_exits_4(msa, monkeypatch):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    from msa_tui.commands_cli import _script

    monkeypatch.setattr(_script.hooks, "transport", None)
    result = msa("--server", f"http://127.0.0.1:{port}", "auth", "login", "--nir", DEMO_NIR, "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert result.status == 4
    assert "injoignable" in result.err


# --- the second factor (issue 14, item 7) ---------------------------------------------------------


class PasswordThenMailedCode(io.StringIO):
    """stdin for --password-stdin: the password, then the code the login just e-mailed (read from the
    demo outbox through the dev route when the command asks for the second line); `shift` makes it wrong."""

    def __init__(self, api: Api, shift: int = 0) -> None:
        super().__init__()
        self.api, self.shift, self.lines = api, shift, 0

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        self.lines += 1
        if self.lines == 1:
            return PASSWORD + "\n"
        return f"{(int(mailed_code(self.api)) + self.shift) % 10**6:06d}\n"


def mailed_code(api: Api) -> str:
    """The last login code the demo server e-mailed, read through the dev route."""
    mails = [m for m in api.get("/dev/outbox").json() if "code de connexion" in m["subject"]]
    found = re.search(r"\b(\d{6})\b", mails[-1]["body"])
    assert found
    return found.group(1)


@pytest.fixture
def two_factor_on(server_app) -> Api:
    api = Api(TestClient(server_app))
    api.login()
    response = api.put("/me/two-factor", json={"enabled": True, "current_password": PASSWORD})
    assert response.status_code == 200, response.text
    return api


def test_login_reads_the_mailed_code_from_the_next_stdin_line(msa, keyring, two_factor_on):
    stdin = PasswordThenMailedCode(two_factor_on)
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin=stdin)
    assert result.status == 0, result.err
    assert stdin.lines == 2
    assert "code" in result.err and "Connecté : Pierre Martin" in result.err
    assert ("msa-tui", "session") in keyring.secrets
    assert msa("auth", "status").status == 0


def test_a_wrong_code_is_refused_in_french_with_exit_1(msa, keyring, two_factor_on):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin",
                 stdin=PasswordThenMailedCode(two_factor_on, shift=1))
    assert result.status == 1
    assert "code" in result.err.lower() and "Connecté" not in result.err
    assert ("msa-tui", "session") not in keyring.secrets


def test_a_missing_code_line_says_what_is_expected(msa, keyring, two_factor_on):
    result = msa("auth", "login", "--nir", DEMO_NIR, "--password-stdin", stdin=PASSWORD + "\n")
    assert result.status == 1
    assert "Saisissez le code reçu par courriel." in result.err
    assert ("msa-tui", "session") not in keyring.secrets


def test_at_a_terminal_the_code_is_asked_after_the_password(msa, keyring, two_factor_on, monkeypatch):
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return mailed_code(two_factor_on)

    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    monkeypatch.setattr("builtins.input", typed)
    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    result = msa("auth", "login", "--nir", DEMO_NIR, stdin=terminal)
    assert result.status == 0, result.err
    assert prompts == ["Code reçu par courriel : "]
    assert ("msa-tui", "session") in keyring.secrets
