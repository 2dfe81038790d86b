"""Client transport behaviour against scripted answers: retries, network loss, garbage, refresh."""

from __future__ import annotations

import json
from decimal import Decimal
import logging

import httpx
import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient

TOKENS = {"access_token": "acc-1", "refresh_token": "ref-1", "token_type": "bearer", "expires_in": 900}
PROFILE = {
    "id": "m1",
    "nir": "1850712345678",
    "first_name": "Pierre",
    "last_name": "Martin",
    "email": "p@example.fr",
    "phone": None,
    "address": {"line1": "1 rue", "postal_code": "12000", "city": "Rodez"},
    "household": [],
    "caisse": "MSA Midi-Pyrénées Nord",
}


def problem(status: int, code: str, **extra) -> httpx.Response:
    body = {"title": "t", "status": status, "detail": f"détail {code}", "code": code, **extra}
    return httpx.Response(status, json=body, headers={"content-type": "application/problem+json"})


def scripted(*answers, calls: list[httpx.Request] | None = None) -> MsaClient:
    """A client whose server answers each request with the next scripted answer."""
    queue = list(answers)
    seen = calls if calls is not None else []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        return answer(request) if callable(answer) else answer

    return MsaClient("http://msa.test", transport=httpx.MockTransport(handler), backoff=0.0)


async def test_get_is_retried_on_503_then_succeeds() -> None:
    calls: list[httpx.Request] = []
    api = scripted(problem(503, "internal_error"), httpx.Response(200, json=PROFILE), calls=calls)
    me = await api.me()
    assert me.first_name == "Pierre"
    assert len(calls) == 2


async def test_get_gives_up_after_the_retries_with_server_unavailable() -> None:
    calls: list[httpx.Request] = []
    api = scripted(httpx.Response(503, text="<html>busy</html>"), calls=calls)
    with pytest.raises(errors.ServerUnavailable) as caught:
        await api.me()
    assert len(calls) == 1 + api.retries
    assert "indisponible" in caught.value.message


async def test_post_is_never_retried() -> None:
    calls: list[httpx.Request] = []
    api = scripted(problem(503, "internal_error"), calls=calls)
    with pytest.raises(errors.ServerUnavailable):
        await api.new_thread(m.NewThread(subject="s", topic="t", body="b"))
    assert len(calls) == 1


async def test_post_is_not_retried_on_network_error_either() -> None:
    calls: list[httpx.Request] = []
    api = scripted(httpx.ConnectError("refused"), calls=calls)
    with pytest.raises(errors.NetworkDown):
        await api.login("1850712345678", "secret")
    assert len(calls) == 1


async def test_send_is_retried_because_it_carries_an_idempotency_key() -> None:
    calls: list[httpx.Request] = []
    api = scripted(httpx.ReadError("reset"), problem(502, "internal_error"), calls=calls)
    with pytest.raises(errors.ServerUnavailable):
        await api.send_submission("s1", attestation=True, idempotency_key="k-1")
    assert len(calls) == 3
    assert {c.headers["idempotency-key"] for c in calls} == {"k-1"}


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("eof"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectTimeout("slow"),
    ],
)
async def test_network_failures_become_network_down_in_french(failure: Exception) -> None:
    calls: list[httpx.Request] = []
    api = scripted(failure, calls=calls)
    with pytest.raises(errors.NetworkDown) as caught:
        await api.me()
    assert "connexion" in caught.value.message.lower()
    assert len(calls) == 1 + api.retries


async def test_nothing_listening_is_network_down() -> None:
    # Port 9 (discard) on loopback: nothing listens in the test sandbox.
    async with MsaClient("http://127.0.0.1:9", retries=0, timeout=2) as api:
        with pytest.raises(errors.NetworkDown):
            await api.assistance()
        assert await api.health() is False


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(200, text="<html>proxy login</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, json={"unexpected": True}),
        httpx.Response(400, text="nonsense"),
        httpx.Response(418, json=["not", "a", "problem"]),
    ],
)
async def test_garbage_answers_are_invalid_response(answer: httpx.Response) -> None:
    api = scripted(answer)
    with pytest.raises(errors.InvalidResponse) as caught:
        await api.me()
    assert "illisible" in caught.value.message


async def test_problem_codes_map_to_typed_errors_with_fields() -> None:
    errs = [{"field": "email", "message": "Adresse invalide"}]
    api = scripted(problem(422, "validation_error", errors=errs))
    with pytest.raises(errors.ValidationFailed) as caught:
        await api.update_contact(m.ContactUpdate(email="a@b.fr"))
    assert caught.value.field_errors[0].field == "email"
    assert caught.value.code == "validation_error"


async def test_lockout_takes_retry_after_from_the_header_when_the_body_lacks_it() -> None:
    answer = problem(423, "account_locked")
    answer.headers["Retry-After"] = "840"
    api = scripted(answer)
    with pytest.raises(errors.AccountLocked) as caught:
        await api.login("1850712345678", "demo-msa-2026")
    assert caught.value.retry_after == 840


async def test_a_401_refreshes_once_and_replays_with_the_new_token() -> None:
    seen_tokens: list[m.TokenPair | None] = []
    calls: list[httpx.Request] = []
    new_pair = {**TOKENS, "access_token": "acc-2", "refresh_token": "ref-2"}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/refresh"):
            assert json.loads(request.content) == {"refresh_token": "ref-1"}
            return httpx.Response(200, json=new_pair)
        if request.headers.get("authorization") == "Bearer acc-2":
            return httpx.Response(200, json=PROFILE)
        return problem(401, "unauthorized")

    api = scripted(answer, calls=calls)
    api.on_tokens = seen_tokens.append
    api.use_tokens(m.TokenPair(**TOKENS))
    me = await api.me()
    assert me.id == "m1"
    assert [c.url.path for c in calls] == ["/api/v1/me", "/api/v1/auth/refresh", "/api/v1/me"]
    assert api.tokens is not None and api.tokens.access_token == "acc-2"
    assert seen_tokens == [m.TokenPair(**new_pair)]


async def test_a_refused_refresh_drops_the_tokens_and_says_session_expired() -> None:
    seen_tokens: list[m.TokenPair | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/refresh"):
            return problem(401, "invalid_refresh_token")
        return problem(401, "unauthorized")

    api = scripted(answer)
    api.on_tokens = seen_tokens.append
    api.use_tokens(m.TokenPair(**TOKENS))
    with pytest.raises(errors.SessionExpired):
        await api.me()
    assert api.tokens is None and not api.logged_in
    assert seen_tokens == [None]


async def test_a_network_loss_during_refresh_keeps_the_session() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/auth/refresh"):
            raise httpx.ConnectError("down")
        return problem(401, "unauthorized")

    api = scripted(answer)
    api.use_tokens(m.TokenPair(**TOKENS))
    with pytest.raises(errors.NetworkDown):
        await api.me()
    assert api.logged_in


async def test_logout_forgets_tokens_even_when_the_server_is_unreachable() -> None:
    seen: list[m.TokenPair | None] = []
    api = scripted(httpx.ConnectError("down"))
    api.on_tokens = seen.append
    api.use_tokens(m.TokenPair(**TOKENS))
    await api.logout()
    assert not api.logged_in
    assert seen == [None]


async def test_tokens_and_password_never_reach_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    api = scripted(
        httpx.Response(200, json=TOKENS), problem(503, "internal_error"), httpx.Response(200, json=PROFILE)
    )
    await api.login("1850712345678", "s3cret-Pass")
    await api.me()
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in ("s3cret-Pass", "acc-1", "ref-1", "1850712345678"):
        assert secret not in text


async def test_query_parameters_are_serialised_and_none_left_out() -> None:
    from datetime import date

    calls: list[httpx.Request] = []
    api = scripted(httpx.Response(200, json={"items": [], "next_cursor": None}), calls=calls)
    await api.payments(domain=m.Domain.sante, date_from=date(2026, 1, 1), limit=10)
    params = dict(calls[0].url.params)
    assert params == {"domain": "sante", "date_from": "2026-01-01", "limit": "10"}


async def test_ids_cannot_escape_their_path_segment() -> None:
    calls: list[httpx.Request] = []
    api = scripted(problem(404, "not_found"), calls=calls)
    with pytest.raises(errors.NotFound):
        await api.document("../me")
    assert calls[0].url.raw_path.startswith(b"/api/v1/documents/..%2Fme")


async def test_unknown_fields_in_answers_are_ignored() -> None:
    # A newer server may add fields anywhere (DESIGN allows it): the client must keep working.
    profile = {**PROFILE, "pronouns": "il", "address": {**PROFILE["address"], "country": "FR"}}
    payments = {"items": [{"id": "p1", "date": "2026-11-02", "amount": 12.3, "domain": "sante", "label": "Pharmacie",
                           "currency": "EUR"}], "next_cursor": None, "total": 1}
    api = scripted(lambda request: httpx.Response(200, json=profile if request.url.path.endswith("/me") else payments))
    me = await api.me()
    assert me.address.city == "Rodez" and not hasattr(me, "pronouns")
    page = await api.payments()
    assert page.items[0].label == "Pharmacie"


async def test_amounts_are_parsed_exactly_as_decimal() -> None:
    body = b'{"items": [{"id": "p1", "date": "2026-11-02", "amount": 0.1, "domain": "sante", "label": "x"},' \
           b' {"id": "p2", "date": "2026-11-01", "amount": 1234567890.12, "domain": "sante", "label": "y"}]}'
    api = scripted(httpx.Response(200, content=body, headers={"content-type": "application/json"}))
    amounts = [p.amount for p in (await api.payments()).items]
    assert amounts == [Decimal("0.1"), Decimal("1234567890.12")]
    assert all(isinstance(a, Decimal) for a in amounts)


async def test_amounts_are_sent_as_json_numbers() -> None:
    calls: list[httpx.Request] = []
    declaration = {"id": "d1", "benefit": "rsa", "quarter": "2026-T3", "status": "deposee", "due_date": "2026-10-31"}
    api = scripted(httpx.Response(200, json=declaration), calls=calls)
    line = m.DeclarationAmount(person_id="m1", month="2026-07", kind="salaires", amount=Decimal("1450.20"))
    await api.file_declaration("d1", m.DeclarationFile(amounts=[line], certified=True))
    assert json.loads(calls[0].content) == {"amounts": [
        {"person_id": "m1", "month": "2026-07", "kind": "salaires", "amount": 1450.2}], "certified": True}


def test_a_ca_bundle_is_trusted_and_verification_stays_on():
    import ssl

    import certifi

    from msa_tui.api.client import MsaClient

    client = MsaClient("https://msa.example.com", ca_bundle=certifi.where())
    context = client._http._transport._pool._ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_a_loopback_http_client_loads_no_certificates_and_trusts_no_one():
    import ssl

    from msa_tui.api.client import MsaClient

    # No TLS to verify on http://, so no CA bundle read; should anything try TLS through it, it fails.
    plain = MsaClient("http://127.0.0.1:8765")._http._transport._pool._ssl_context
    assert plain.cert_store_stats()["x509_ca"] == 0
    assert plain.verify_mode == ssl.CERT_REQUIRED and plain.check_hostname
    secure = MsaClient("https://msa.example.com")._http._transport._pool._ssl_context
    assert secure.cert_store_stats()["x509_ca"] > 0
    assert secure.verify_mode == ssl.CERT_REQUIRED and secure.check_hostname


LEAN_PROBE = """
import importlib, sys
import msa_tui.api.client
print(sorted(name for name in ("trio", "httpx._main") if name in sys.modules))
for name in ("trio", "httpx._main"):
    importlib.import_module(name)  # skipped while httpx loaded, importable as usual afterwards
print("ok")
"""


def test_the_client_skips_httpx_cli_and_trio_and_leaves_them_importable():
    import subprocess
    import sys

    pytest.importorskip("trio")
    done = subprocess.run([sys.executable, "-c", LEAN_PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[]", "ok"]
