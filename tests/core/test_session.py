"""The session's keeping policy: what reaches the keyring, when, and what is cleared (no Textual)."""

from __future__ import annotations


import pytest
from keyring.backends import fail

from msa_tui.api.models import Address, Me, TokenPair
from msa_tui.core.credentials import NO_KEYRING_WARNING, SERVICE, CredentialStore
from msa_tui.core.session import Session
from tests.support.members import DEMO_NIR
from tests.support.ui import MemoryKeyring

TOKENS = TokenPair(access_token="a" * 20, refresh_token="r" * 20, expires_in=900)
NEW_TOKENS = TokenPair(access_token="b" * 20, refresh_token="s" * 20, expires_in=900)


def member() -> Me:
    return Me(id="m", nir=DEMO_NIR, first_name="Pierre", last_name="Martin", email="p@example.fr",
              phone=None, address=Address(line1="Ferme", line2=None, postal_code="12330", city="Salles"),
              household=[], caisse="MSA")


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


def session_on(keyring: MemoryKeyring, **kwargs) -> Session:
    return Session(CredentialStore(backend=keyring), **kwargs)


def kept(keyring: MemoryKeyring) -> set[str]:
    return {entry for service, entry in keyring.secrets if service == SERVICE}


def test_a_login_without_the_boxes_keeps_nothing(keyring):
    session = session_on(keyring)
    session.tokens_changed(TOKENS)  # the client logged in
    session.start(member(), DEMO_NIR, remember_nir=False)
    assert session.me is not None and session.nir == DEMO_NIR
    assert kept(keyring) == set()
    assert session.logout_on_exit


def test_remember_my_nir_keeps_it_and_a_later_login_without_forgets_it(keyring):
    session = session_on(keyring)
    session.start(member(), DEMO_NIR, remember_nir=True)
    assert session.remembered_nir() == DEMO_NIR and kept(keyring) == {"remembered_nir"}
    session.end()
    assert session.remembered_nir() == DEMO_NIR  # logging out does not forget who used the desk
    session.start(member(), DEMO_NIR, remember_nir=False)
    assert session.remembered_nir() is None and kept(keyring) == set()


def test_stay_connected_keeps_each_new_pair_of_tokens(keyring):
    session = session_on(keyring, stay_connected=True)
    session.tokens_changed(TOKENS)
    assert session.credentials.load_tokens() == TOKENS
    session.tokens_changed(NEW_TOKENS)  # a refresh
    assert session.credentials.load_tokens() == NEW_TOKENS
    session.start(member(), DEMO_NIR)
    assert not session.logout_on_exit


def test_tokens_dropped_by_the_client_are_cleared_even_when_kept(keyring):
    session = session_on(keyring, stay_connected=True)
    session.tokens_changed(TOKENS)
    session.tokens_changed(None)
    assert kept(keyring) == set()


def test_logout_forgets_the_member_and_the_tokens(keyring):
    session = session_on(keyring, stay_connected=True)
    session.tokens_changed(TOKENS)
    session.start(member(), DEMO_NIR, remember_nir=True)
    session.constraints = object()
    session.end()
    assert (session.me, session.nir, session.constraints) == (None, None, None)
    assert kept(keyring) == {"remembered_nir"}


def test_kept_tokens_resume_the_session_next_run(keyring):
    first = session_on(keyring, stay_connected=True)
    first.tokens_changed(TOKENS)
    second = session_on(keyring)  # the box is not ticked on the new login screen
    assert second.saved_tokens() == TOKENS
    second.start(member(), DEMO_NIR, resumed=True)
    assert second.stay_connected and not second.logout_on_exit
    assert second.saved_tokens() is None  # logged in: nothing to resume


def test_refused_kept_tokens_are_forgotten(keyring):
    session_on(keyring, stay_connected=True).tokens_changed(TOKENS)
    session = session_on(keyring)
    session.resume_failed()
    assert session.saved_tokens() is None and kept(keyring) == set()


def test_without_a_keyring_everything_stays_in_memory_and_is_said_once():
    session = Session(CredentialStore(backend=fail.Keyring()), stay_connected=True)
    assert session.keyring_notice() == NO_KEYRING_WARNING
    assert session.keyring_notice() is None
    session.tokens_changed(TOKENS)
    session.start(member(), DEMO_NIR, remember_nir=True)
    assert session.remembered_nir() == DEMO_NIR and session.credentials.load_tokens() == TOKENS
    session.end()
    assert session.credentials.load_tokens() is None


def test_a_session_that_kept_nothing_does_not_open_the_keyring_at_logout(monkeypatch):
    opened: list[bool] = []
    monkeypatch.setattr(CredentialStore, "__init__", lambda self, backend=None: opened.append(True))
    session = Session()
    session.end()
    assert opened == []



def test_acting_shows_the_principal_and_going_back_gives_the_own_profile(keyring):
    from msa_tui.core.procurations import Acting

    session = session_on(keyring, stay_connected=True)
    own = member()
    session.start(own, DEMO_NIR)
    session.constraints = object()
    principal = own.model_copy(update={"id": "a", "first_name": "Antoine", "last_name": "Santoni"})
    session.start_acting(Acting("proc-1", "Antoine Santoni", [], own), principal)
    assert session.me is principal and session.constraints is None
    assert session.stop_acting() is own and session.me is own and session.acting is None
    assert session.stop_acting() is None
    session.start_acting(Acting("proc-1", "Antoine Santoni", [], own), principal)
    session.end()
    assert session.acting is None and session.me is None
