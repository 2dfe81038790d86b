"""Opt-in memory of the member's NIR and tokens: the OS keyring when one works, else RAM only.

The caller decides whether to keep anything (the "Se souvenir de mon numéro" and
"Rester connecté" choices); this store only decides *where*. Keyring entries,
under the service "msa-tui":
- "remembered_nir": the 13-character NIR;
- "session": the current TokenPair as JSON. One entry, not one per NIR: an OS
  account holds at most one open session, and logging out (or the next member
  logging in at a shared desk) replaces or clears it, leaving nothing behind.
The password is never given to this store.

Never a file: keyring backends that write files (keyrings.alt plain-text or
encrypted files, the latter also prompting on the terminal) are treated as no
keyring, like the "fail" and "null" backends and an empty chainer. Any keyring
error switches the store to memory for the rest of the session; nothing raises.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from ..api.lazy_log import LazyLogger

from .i18n import _

if TYPE_CHECKING:  # pydantic is heavy: the model is imported only when tokens move
    from ..api.models import TokenPair

SERVICE = "msa-tui"
NIR_ENTRY = "remembered_nir"
TOKENS_ENTRY = "session"
_PROBE_ENTRY = "probe"
NO_KEYRING_WARNING = ("Aucun trousseau sécurisé n'est disponible sur cette machine : "
                      "vos identifiants restent en mémoire le temps de la session.")

# PYTHON_KEYRING_BACKEND naming one of these means "no keyring": keyring (3-4 MiB once imported,
# never released) is then not imported at all (once imported, its own choice stands: set_keyring).
_NO_STORE_BACKENDS = frozenset({"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})

log = LazyLogger(__name__)  # logging is loaded only for a record that goes somewhere


def _usable(backend: Any) -> bool:
    """Whether a keyring backend really stores secrets somewhere safe (no file, no no-op)."""
    module = type(backend).__module__
    if module in ("keyring.backends.fail", "keyring.backends.null") or module.startswith("keyrings.alt.file"):
        return False
    if module == "keyring.backends.chainer":
        return any(_usable(inner) for inner in getattr(backend, "backends", []))
    return True


class CredentialStore:
    """`backend`: a keyring backend instance; None means the one keyring chooses (probed once, lazily)."""

    def __init__(self, backend: Any = None, *, memory_only: bool = False) -> None:
        self._backend = backend
        # `memory_only` (kiosk mode): the keyring is never imported, probed or written.
        self._available: bool | None = False if memory_only else None
        self._memory: dict[str, str] = {}
        self._warning_taken = memory_only

    # --- where things go ---------------------------------------------------------

    def _probe(self) -> bool:
        try:
            if self._backend is None:
                if (os.environ.get("PYTHON_KEYRING_BACKEND", "").strip() in _NO_STORE_BACKENDS
                        and "keyring" not in sys.modules):
                    return False
                import keyring  # lazy: imports D-Bus machinery on Linux

                self._backend = keyring.get_keyring()
            if not _usable(self._backend):
                return False
            # A backend can look fine and still fail on use (locked, no D-Bus session over SSH).
            self._backend.get_password(SERVICE, _PROBE_ENTRY)
            return True
        except Exception as exc:  # noqa: BLE001 - any keyring failure means "no keyring"
            log.warning("No usable keyring (%s); credentials stay in memory", type(exc).__name__)
            return False

    @property
    def available(self) -> bool:
        """Whether an OS keyring is in use (probed on first access only)."""
        if self._available is None:
            self._available = self._probe()
        return self._available

    @property
    def warning(self) -> str | None:
        """The French notice to show when there is no keyring (None when there is one)."""
        return None if self.available else _(NO_KEYRING_WARNING)

    def take_warning(self) -> str | None:
        """The notice the first time it is asked for, then None: the app says it once."""
        if self._warning_taken:
            return None
        notice = self.warning
        if notice is not None:
            self._warning_taken = True
        return notice

    def _fall_back(self, action: str, exc: Exception) -> None:
        log.warning("Keyring %s failed (%s); switching to memory", action, type(exc).__name__)
        self._available = False

    def _get(self, entry: str) -> str | None:
        if self.available:
            try:
                return self._backend.get_password(SERVICE, entry)
            except Exception as exc:  # noqa: BLE001
                self._fall_back("read", exc)
        return self._memory.get(entry)

    def _set(self, entry: str, secret: str) -> None:
        if self.available:
            try:
                self._backend.set_password(SERVICE, entry, secret)
                self._memory.pop(entry, None)
                return
            except Exception as exc:  # noqa: BLE001
                self._fall_back("write", exc)
        self._memory[entry] = secret

    def _delete(self, entry: str) -> None:
        self._memory.pop(entry, None)
        if not self.available:
            return
        try:
            if self._backend.get_password(SERVICE, entry) is not None:
                self._backend.delete_password(SERVICE, entry)
        except Exception as exc:  # noqa: BLE001
            self._fall_back("delete", exc)

    # --- what the app asks for ------------------------------------------------------

    def remember_nir(self, nir: str) -> None:
        self._set(NIR_ENTRY, nir)

    def remembered_nir(self) -> str | None:
        return self._get(NIR_ENTRY)

    def forget_nir(self) -> None:
        self._delete(NIR_ENTRY)

    def save_tokens(self, tokens: TokenPair) -> None:
        self._set(TOKENS_ENTRY, tokens.model_dump_json())

    def load_tokens(self) -> TokenPair | None:
        """The saved tokens, or None (also when what was saved is unreadable: it is then removed)."""
        raw = self._get(TOKENS_ENTRY)
        if raw is None:
            return None
        from pydantic import ValidationError

        from ..api.models import TokenPair

        try:
            return TokenPair.model_validate_json(raw)
        except ValidationError:
            log.warning("Saved session unreadable; discarded")
            self._delete(TOKENS_ENTRY)
            return None

    def clear_tokens(self) -> None:
        self._delete(TOKENS_ENTRY)

    def clear(self) -> None:
        """Forget everything (a member leaving a shared desk)."""
        self.forget_nir()
        self.clear_tokens()
