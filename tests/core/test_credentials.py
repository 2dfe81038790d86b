"""Credential store: the keyring when one works, memory otherwise, never a file, never a crash."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from msa_tui.api.models import TokenPair
from msa_tui.core.credentials import NO_KEYRING_WARNING, SERVICE, CredentialStore

TOKENS = TokenPair(access_token="acc-123", refresh_token="ref-456", expires_in=900)


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("no")

    def delete_password(self, service, username):
        raise keyring.errors.PasswordDeleteError("no")


class BreaksOnWrite(MemoryKeyring):
    def set_password(self, service, username, password):
        raise RuntimeError("D-Bus went away")


@pytest.fixture
def global_keyring():
    """Install a backend as keyring's global choice for one test, then restore the previous one."""
    previous = keyring.get_keyring()
    installed = []

    def install(backend):
        keyring.set_keyring(backend)
        installed.append(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_files_written(isolated_dirs, tmp_path):
    yield
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_uses_the_global_keyring(global_keyring):
    backend = global_keyring(MemoryKeyring())
    store = CredentialStore()
    assert store.available and store.warning is None and store.take_warning() is None
    store.remember_nir("1850712345678")
    assert backend.entries[(SERVICE, "remembered_nir")] == "1850712345678"
    assert store.remembered_nir() == "1850712345678"
    # Another store (the next start of the app) finds it.
    assert CredentialStore().remembered_nir() == "1850712345678"


def test_tokens_round_trip_as_json(global_keyring):
    backend = global_keyring(MemoryKeyring())
    store = CredentialStore()
    store.save_tokens(TOKENS)
    assert '"access_token":"acc-123"' in backend.entries[(SERVICE, "session")]
    assert CredentialStore().load_tokens() == TOKENS
    store.clear_tokens()
    assert store.load_tokens() is None and (SERVICE, "session") not in backend.entries


def test_forget_and_clear(global_keyring):
    backend = global_keyring(MemoryKeyring())
    store = CredentialStore()
    store.forget_nir()  # nothing saved yet: no error
    store.remember_nir("2900529012345")
    store.save_tokens(TOKENS)
    store.clear()
    assert backend.entries == {}
    assert store.remembered_nir() is None and store.load_tokens() is None


def test_unreadable_saved_session_is_discarded():
    backend = MemoryKeyring()
    backend.set_password(SERVICE, "session", "{not json")
    store = CredentialStore(backend)
    assert store.load_tokens() is None
    assert backend.entries == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), BrokenKeyring()],
                         ids=["fail", "null", "raising"])
def test_no_keyring_means_memory_and_one_warning(backend):
    store = CredentialStore(backend)
    assert not store.available
    assert store.warning == NO_KEYRING_WARNING
    assert store.take_warning() == NO_KEYRING_WARNING
    assert store.take_warning() is None  # said once
    store.remember_nir("178022A123456")
    store.save_tokens(TOKENS)
    assert store.remembered_nir() == "178022A123456"
    assert store.load_tokens() == TOKENS
    store.clear()
    assert store.remembered_nir() is None and store.load_tokens() is None


def test_memory_does_not_outlive_the_store():
    CredentialStore(fail.Keyring()).remember_nir("1850712345678")
    assert CredentialStore(fail.Keyring()).remembered_nir() is None


def test_empty_chainer_is_no_keyring(monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert not CredentialStore(chainer.ChainerBackend()).available


def test_chainer_with_a_real_backend_is_usable(monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    store = CredentialStore(chainer.ChainerBackend())
    assert store.available
    store.remember_nir("1850712345678")
    assert store.remembered_nir() == "1850712345678"


def test_global_fail_keyring(global_keyring):
    global_keyring(fail.Keyring())
    store = CredentialStore()
    assert not store.available and store.warning == NO_KEYRING_WARNING


def test_probe_happens_once():
    calls = []

    class Counting(MemoryKeyring):
        def get_password(self, service, username):
            calls.append(username)
            return super().get_password(service, username)

    store = CredentialStore(Counting())
    assert store.available and store.available
    assert calls == ["probe"]


def test_failure_mid_session_switches_to_memory():
    store = CredentialStore(BreaksOnWrite())
    assert store.available
    store.save_tokens(TOKENS)  # must not raise
    assert not store.available
    assert store.take_warning() == NO_KEYRING_WARNING
    assert store.load_tokens() == TOKENS


def test_keyring_import_failure_is_no_keyring(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "keyring":
            raise ImportError("no keyring installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    store = CredentialStore()
    assert not store.available
    store.remember_nir("1850712345678")
    assert store.remembered_nir() == "1850712345678"


def test_warning_follows_language():
    from msa_tui.core import i18n

    i18n.set_language("en")
    try:
        assert CredentialStore(fail.Keyring()).warning.startswith("No secure keyring")
    finally:
        i18n.set_language("fr")


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"])
def test_a_no_store_backend_named_in_the_environment_is_never_imported(tmp_path, backend):
    import subprocess
    import sys
    import textwrap

    probe = textwrap.dedent("""
        import sys
        from msa_tui.core.credentials import CredentialStore
        store = CredentialStore()
        store.remember_nir("1850712345678")
        print(store.available, store.take_warning() is not None, store.remembered_nir(), "keyring" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                          env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHON_KEYRING_BACKEND": backend})
    assert done.stdout.split() == ["False", "True", "1850712345678", "False"], done.stderr
