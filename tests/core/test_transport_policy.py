"""Where the client may connect: https anywhere, http only to loopback; a CA bundle, never verify=False."""

from __future__ import annotations

import pytest

from msa_tui.core.transport_policy import ca_bundle_problem, choose_ca_bundle, is_loopback, server_url_problem


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://msa.example.com", True),
    ("https://msa.example.com:8443/base", True),
    ("http://127.0.0.1:8765", True),
    ("http://127.8.9.10", True),
    ("http://localhost:8765", True),
    ("http://LOCALHOST.", True),
    ("http://[::1]:8765", True),
    ("http://msa.example.com", False),
    ("http://10.0.0.8:8765", False),
    ("http://128.0.0.1", False),
    ("http://[::2]", False),
    ("http://localhost.evil.example", False),
    ("http://127.0.0.1.nip.io", False),
    ("ftp://msa.example.com", False),
    ("https://", False),
    ("msa.example.com", False),
])
def test_server_url_policy(url: str, allowed: bool) -> None:
    problem = server_url_problem(url)
    assert (problem is None) == allowed, problem
    if not allowed:
        assert "https://" in problem


def test_plain_http_message_is_french_and_names_the_fix() -> None:
    message = server_url_problem("http://msa.example.com:81")
    assert message is not None and "non chiffrée" in message and "https://msa.example.com:81" in message


def test_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.com")


def test_ca_bundle_choice_and_check(tmp_path) -> None:
    pem = tmp_path / "ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    assert choose_ca_bundle(str(pem), "/env.pem") == str(pem)
    assert choose_ca_bundle("", "/env.pem") == "/env.pem"
    assert choose_ca_bundle(None, None) is None
    assert ca_bundle_problem(str(pem)) is None
    assert "introuvable" in (ca_bundle_problem(str(tmp_path / "absent.pem")) or "")
