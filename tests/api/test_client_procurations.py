"""Acting for a principal through the client: its tokens swap, are never kept, and go back after."""

from __future__ import annotations

import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import ANTOINE, DEMO_NIR, DEMO_PASSWORD, OTHER_NIR


async def antoines(client: MsaClient) -> m.Procuration:
    return next(p for p in (await client.procurations()).items if p.grantor_name == "Antoine Santoni")


async def test_act_for_then_back_to_own_space(make_client) -> None:
    kept: list[m.TokenPair | None] = []
    client = make_client(on_tokens=kept.append)
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    procuration = await antoines(client)
    assert procuration.rights == [m.ProcurationRight.consulter, m.ProcurationRight.echanger]
    await client.act_for(procuration.id)
    assert client.acting and len(kept) == 1  # the delegated pair reached no credential store
    assert (await client.me()).last_name == "Santoni"
    with pytest.raises(errors.OutOfScope) as caught:
        await client.requests()
    assert "Antoine Santoni" in caught.value.message
    await client.stop_acting()
    assert not client.acting and (await client.me()).last_name == "Martin"


async def test_revoked_mid_session_raises_procuration_ended(make_client) -> None:
    pierre, antoine = make_client(), make_client()
    await pierre.login(DEMO_NIR, DEMO_PASSWORD)
    await antoine.login(ANTOINE, DEMO_PASSWORD)
    procuration = await antoines(pierre)
    await pierre.act_for(procuration.id)
    await antoine.revoke_procuration(procuration.id)
    with pytest.raises(errors.ProcurationEnded):
        await pierre.payments()
    await pierre.stop_acting()  # the delegated session still closes
    assert (await pierre.me()).last_name == "Martin"


async def test_accept_then_act_and_only_the_grantor_revokes(make_client) -> None:
    sophie, pierre = make_client(), make_client()
    await sophie.login(OTHER_NIR, DEMO_PASSWORD)
    await pierre.login(DEMO_NIR, DEMO_PASSWORD)
    asked = await sophie.request_procuration(m.ProcurationCreate(
        grantee_nir=DEMO_NIR, grantee_name="Pierre Martin", scope="Effectuer mes démarches en ligne",
        rights=["demarches"]))
    with pytest.raises(errors.ProcurationEnded):
        await pierre.act_for(asked.id)
    assert not pierre.acting
    accepted = await pierre.accept_procuration(asked.id)
    assert accepted.status == m.ProcurationStatus.active
    with pytest.raises(errors.Forbidden):
        await pierre.revoke_procuration(asked.id)
    await pierre.act_for(asked.id)
    assert (await pierre.me()).first_name == "Sophie"
    await pierre.logout()  # ends the delegated session and Pierre's own
    assert not pierre.acting and not pierre.logged_in
