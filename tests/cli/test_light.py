"""`payments list` reads through the light client (its own HTTP/1.1, no httpx, pydantic nor event loop):
what it prints is what the models give, it loads none of the heavy modules, and it keeps the rules."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest

from msa_tui.api import light
from msa_tui.api.models import Page, Payment
from tests.support.members import DEMO_NIR, PASSWORD

HEAVY = ("textual", "httpx", "httpcore", "anyio", "pydantic", "asyncio")


def cli(args: list[str], home, env_extra: dict[str, str], code: str = "") -> subprocess.CompletedProcess[str]:
    """`msa-tui ARGS` in a fresh interpreter (so sys.modules says what the command loaded)."""
    program = textwrap.dedent(f"""
        import sys
        from msa_tui.cli import main
        status = main({args!r})
        sys.stdout.flush()
        {code}
        sys.exit(status)
    """)
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_STATE_HOME": str(home / "state"), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           **env_extra}
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def token(live_server) -> str:
    import urllib.request

    request = urllib.request.Request(f"{live_server}/api/v1/auth/login", method="POST",
                                     data=json.dumps({"nir": DEMO_NIR, "password": PASSWORD}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read())["access_token"]


def test_payments_list_loads_no_heavy_module_and_prints_the_models(live_server, token, tmp_path):
    env = {"MSA_TUI_SERVER": live_server, "MSA_TUI_TOKEN": token}
    result = cli(["payments", "list", "--all", "--json"], tmp_path, env,
                 code=f"print('HEAVY', [m for m in {HEAVY!r} if m in sys.modules], file=sys.stderr)")
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr
    printed = json.loads(result.stdout)
    # The same answers read through the contract's pydantic models.
    import urllib.request

    expected, cursor = [], None
    while True:
        url = f"{live_server}/api/v1/payments?limit=100" + (f"&cursor={cursor}" if cursor else "")
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})) as a:
            page = Page[Payment].model_validate_json(a.read())
        expected += [p.model_dump(mode="json") for p in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert printed == expected and len(printed) > 100


def test_the_light_client_keeps_the_transport_rules(live_server, token, tmp_path):
    plain = cli(["payments", "list", "--server", "http://msa.example"], tmp_path, {"MSA_TUI_TOKEN": token})
    assert plain.returncode == 2 and "n'est permise que vers cet ordinateur" in plain.stderr
    missing_ca = cli(["payments", "list", "--server", "https://msa.example", "--ca-bundle", str(tmp_path / "none.pem")],
                     tmp_path, {"MSA_TUI_TOKEN": token})
    assert missing_ca.returncode == 2 and "introuvable ou illisible" in missing_ca.stderr
    expired = cli(["payments", "list"], tmp_path, {"MSA_TUI_SERVER": live_server, "MSA_TUI_TOKEN": "not-a-token"})
    assert expired.returncode == 3 and "Votre session a expiré" in expired.stderr
    down = cli(["payments", "list"], tmp_path, {"MSA_TUI_SERVER": "http://127.0.0.1:9", "MSA_TUI_TOKEN": token})
    assert down.returncode == 4 and "injoignable" in down.stderr


ITEM = {"id": "p1", "date": "2026-03-05", "amount": 74.04, "domain": "sante", "label": "Remboursement",
        "beneficiary": None}


@pytest.mark.parametrize("change", [
    {},
    {"label": "  \u202eRembour\x1b[31msement\u200b \n", "id": " p\x07 "},
    {"beneficiary": "\x1c Léa\u0301\u0301\u0301\u0301\u0301\u0301 "},
    {"amount": 1.230}, {"amount": 100}, {"amount": "12.5"}, {"amount": 1234567890.12}, {"amount": -3},
    {"amount": 12.345}, {"amount": 12345678901.1}, {"amount": True}, {"amount": None}, {"amount": [1]},
    {"label": "\x1f\u3000\x85 Zz \xa0\u2007\x1c"}, {"amount": 0.001}, {"amount": 1e2}, {"amount": 9999999999.99},
    {"domain": "Sante"}, {"domain": "inconnu"}, {"date": "2026-02-30"}, {"date": "05/03/2026"}, {"date": 5},
    {"id": 7}, {"label": None}, {"extra": "ignored"},
])
def test_the_light_reading_agrees_with_the_model(change):
    body = json.dumps({"items": [{**ITEM, **change}], "next_cursor": " c1 "}).encode()
    try:
        expected = Page[Payment].model_validate_json(body)
    except ValueError:
        with pytest.raises(light.Unreadable):
            light.payments_page(body)
        return
    page = light.payments_page(body)
    assert [p.model_dump(mode="json") for p in page.items] == [p.model_dump(mode="json") for p in expected.items]
    assert [p.amount for p in page.items] == [p.amount for p in expected.items]
    assert page.next_cursor == expected.next_cursor


@pytest.mark.parametrize("body", [b"[]", b"{}", b'{"items": {}}', b'{"items": [], "next_cursor": 3}', b"NaN",
                                  b'{"items": [{"amount": NaN}]}', b"\xff"])
def test_what_is_not_a_page_is_unreadable(body):
    with pytest.raises(light.Unreadable):
        light.payments_page(body)


def test_an_amount_is_exact():
    page = light.payments_page(json.dumps({"items": [{**ITEM, "amount": 0.1}]}).encode())
    assert page.items[0].amount == Decimal("0.1")


def test_a_coroutine_that_waits_on_a_loop_is_refused():
    import asyncio

    with pytest.raises(RuntimeError):
        light.run_without_loop(asyncio.sleep(0.01))


def test_payments_list_loads_nothing_beyond_its_call(live_server, token, tmp_path):
    # What the light path was made for (docs/benchmarks.md): no HTTP library, no TLS for an http://
    # server, no logging (nothing is configured to receive it), no platformdirs for the settings path.
    extra = ("http.client", "email", "ssl", "logging", "platformdirs", "tempfile")
    result = cli(["payments", "list"], tmp_path, {"MSA_TUI_SERVER": live_server, "MSA_TUI_TOKEN": token},
                 code=f"print('EXTRA', [m for m in {extra!r} if m in sys.modules], file=sys.stderr)")
    assert result.returncode == 0, result.stderr
    assert "EXTRA []" in result.stderr
    assert "paiements, total" in result.stdout
