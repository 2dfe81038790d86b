"""Client auth flows through the real mock server (ASGI, no socket): login, lockout, refresh, logout, sign-up."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import DEMO_NIR, DEMO_PASSWORD, OTHER_NIR



async def test_login_keeps_tokens_and_tells_the_store(make_client) -> None:
    seen: list[m.TokenPair | None] = []
    api = make_client(on_tokens=seen.append)
    tokens = await api.login(DEMO_NIR, DEMO_PASSWORD)
    assert api.logged_in and api.tokens == tokens
    assert seen == [tokens]
    assert (await api.me()).nir == DEMO_NIR


async def test_a_wrong_password_is_invalid_credentials(client: MsaClient) -> None:
    with pytest.raises(errors.InvalidCredentials) as caught:
        await client.login(DEMO_NIR, "not-the-password")
    assert caught.value.code == "invalid_credentials"
    assert not client.logged_in


async def test_an_unknown_nir_is_the_same_invalid_credentials(client: MsaClient) -> None:
    with pytest.raises(errors.InvalidCredentials):
        await client.login("1991299999999", DEMO_PASSWORD)


async def test_five_failures_lock_the_account_even_for_the_right_password(client: MsaClient) -> None:
    for _ in range(5):
        with pytest.raises(errors.InvalidCredentials):
            await client.login(DEMO_NIR, "wrong")
    with pytest.raises(errors.AccountLocked) as caught:
        await client.login(DEMO_NIR, DEMO_PASSWORD)
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 15 * 60
    assert caught.value.message  # French, from the server
    # Another member is not affected.
    await client.login(OTHER_NIR, DEMO_PASSWORD)


async def test_the_lock_lifts_after_fifteen_minutes(client: MsaClient, server_clock) -> None:
    for _ in range(5):
        with pytest.raises(errors.InvalidCredentials):
            await client.login(DEMO_NIR, "wrong")
    server_clock.advance(timedelta(minutes=15, seconds=1))
    await client.login(DEMO_NIR, DEMO_PASSWORD)


async def test_refresh_rotates_the_pair_and_the_new_access_token_works(logged_client: MsaClient) -> None:
    seen: list[m.TokenPair | None] = []
    logged_client.on_tokens = seen.append
    old = logged_client.tokens
    new = await logged_client.refresh()
    assert new.access_token != old.access_token
    assert seen == [new]
    assert (await logged_client.me()).nir == DEMO_NIR


async def test_after_logout_the_old_tokens_are_refused(make_client, logged_client: MsaClient) -> None:
    old = logged_client.tokens
    seen: list[m.TokenPair | None] = []
    logged_client.on_tokens = seen.append
    await logged_client.logout()
    assert not logged_client.logged_in and seen == [None]
    stale = make_client()
    stale.use_tokens(old)
    with pytest.raises(errors.SessionExpired):
        await stale.me()
    assert not stale.logged_in


async def test_an_expired_access_token_is_refreshed_transparently(
    logged_client: MsaClient, server_clock
) -> None:
    seen: list[m.TokenPair | None] = []
    logged_client.on_tokens = seen.append
    before = logged_client.tokens
    server_clock.advance(timedelta(seconds=before.expires_in + 5))
    me = await logged_client.me()
    assert me.nir == DEMO_NIR
    assert logged_client.tokens.access_token != before.access_token
    assert seen == [logged_client.tokens]


async def test_a_refresh_token_used_twice_ends_the_session(make_client, logged_client: MsaClient) -> None:
    old = logged_client.tokens
    await logged_client.refresh()
    replayer = make_client()
    replayer.use_tokens(old)
    with pytest.raises(errors.SessionExpired):
        await replayer.refresh()
    assert not replayer.logged_in


async def test_no_token_at_all_is_session_expired(client: MsaClient) -> None:
    with pytest.raises(errors.SessionExpired):
        await client.me()


def _code_in(mails: list[m.OutboxMail], to: str) -> str:
    mail = [x for x in mails if x.to == to][-1]
    return re.search(r"\b(\d{6})\b", mail.body).group(1)


async def test_register_verify_then_login(client: MsaClient) -> None:
    # Julie Moreau is on record at the MSA (seeded) without an online account yet.
    nir, email = "1920631123456", "julie.moreau@example.fr"
    req = m.RegisterRequest(
        nir=nir, first_name="Julie", last_name="Moreau", birth_date=date(1992, 6, 3), email=email
    )
    accepted = await client.register(req)
    assert accepted.detail
    code = _code_in(await client.outbox(), email)
    with pytest.raises(errors.ValidationFailed):
        await client.verify_registration(nir, "000000" if code != "000000" else "111111", "Un-mot-de-passe-2026")
    await client.verify_registration(nir, code, "Un-mot-de-passe-2026")
    await client.login(nir, "Un-mot-de-passe-2026")
    assert (await client.me()).first_name == "Julie"


async def test_registering_an_existing_member_reveals_nothing(client: MsaClient) -> None:
    # The server answers alike whatever the NIR; no code is sent to the typed address.
    req = m.RegisterRequest(
        nir=DEMO_NIR, first_name="Pierre", last_name="Martin", birth_date=date(1985, 7, 19), email="p@example.fr"
    )
    accepted = await client.register(req)
    assert accepted.detail
    assert [x for x in await client.outbox() if x.to == "p@example.fr"] == []


async def test_password_reset_with_the_mailed_code(client: MsaClient) -> None:
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    email = (await client.me()).email
    await client.logout()
    await client.request_password_reset(DEMO_NIR, email)
    code = _code_in(await client.outbox(), email)
    await client.confirm_password_reset(DEMO_NIR, code, "Nouveau-secret-2026")
    with pytest.raises(errors.InvalidCredentials):
        await client.login(DEMO_NIR, DEMO_PASSWORD)
    await client.login(DEMO_NIR, "Nouveau-secret-2026")


async def test_bad_input_is_validation_failed_with_fields(client: MsaClient) -> None:
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.login("pas-un-nir", DEMO_PASSWORD)
    assert any("nir" in e.field for e in caught.value.field_errors)


async def test_assistance_and_health_need_no_login(client: MsaClient) -> None:
    assistance = await client.assistance()
    assert assistance.phone and assistance.hours
    assert await client.health() is True


async def test_concurrent_calls_with_an_expired_token_refresh_only_once(
    logged_client: MsaClient, server_clock
) -> None:
    import asyncio

    seen: list[m.TokenPair | None] = []
    logged_client.on_tokens = seen.append
    server_clock.advance(timedelta(seconds=logged_client.tokens.expires_in + 5))
    me, threads, payments = await asyncio.gather(
        logged_client.me(), logged_client.threads(), logged_client.payments()
    )
    assert me.nir == DEMO_NIR and threads.items and payments.items
    assert len(seen) == 1 and seen[0] == logged_client.tokens
