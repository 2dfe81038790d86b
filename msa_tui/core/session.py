"""The member's session and what of it is kept between runs (no Textual, no httpx).

The keeping policy, in one place:
- the NIR reaches the keyring only when « Se souvenir de mon identifiant » is ticked at login,
  and is forgotten at a login without it;
- tokens reach the keyring only with « Rester connecté », each time the client gets new ones
  (login, refresh); they are cleared whenever the client drops them, when a kept session
  cannot be resumed, and at logout;
- where no keyring works, the `CredentialStore` keeps both in memory for this run only, and
  says so once;
- on quitting, a session not kept is closed on the server;
- in kiosk mode nothing is kept: the keyring is never touched (a memory-only store), the
  NIR is never remembered and « Rester connecté » is never on.
The password never reaches this class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from msa_tui.api.models import Me, TokenPair
    from msa_tui.core.credentials import CredentialStore
    from msa_tui.core.procurations import Acting


class Session:
    """One member's session in one run of the app (or of a command).

    `credentials`: the store, or None to build the default one (the OS keyring) on first use:
    importing keyring is slow, and a run that keeps nothing never needs it.
    """

    def __init__(
        self,
        credentials: CredentialStore | None = None,
        *,
        stay_connected: bool = False,
        kiosk: bool = False,
    ) -> None:
        self.kiosk = kiosk
        if kiosk:
            from msa_tui.core.credentials import CredentialStore

            credentials = CredentialStore(memory_only=True)
            stay_connected = False
        self._credentials = credentials
        self.stay_connected = stay_connected
        """« Rester connecté »: tokens are kept in the keyring and the session survives quitting."""
        self.me: Me | None = None
        """The member's profile while logged in; None means logged out."""
        self.nir: str | None = None
        """The NIR the member logged in with (asked again by the re-login dialog)."""
        self.constraints: Any = None
        """What the server accepts for a sending, fetched once per session."""
        self.acting: Acting | None = None
        """Set while the member acts for a principal through a procuration (`me` is then the principal's)."""

    # --- the store --------------------------------------------------------------------

    @property
    def credentials(self) -> CredentialStore:
        if self._credentials is None:
            from msa_tui.core.credentials import CredentialStore

            self._credentials = CredentialStore()
        return self._credentials

    @property
    def _store_in_use(self) -> bool:
        """Whether anything may be in the store: it was opened, or tokens were to be kept."""
        return self._credentials is not None or self.stay_connected

    def keyring_notice(self) -> str | None:
        """The French "no keyring" notice, the first time only (None when a keyring works)."""
        return self.credentials.take_warning()

    # --- before login -----------------------------------------------------------------

    def remembered_nir(self) -> str | None:
        return self.credentials.remembered_nir()

    def saved_tokens(self) -> TokenPair | None:
        """The tokens kept by « Rester connecté » last time, to resume with (None while logged in)."""
        if self.me is not None:
            return None
        return self.credentials.load_tokens()

    # --- the client's tokens ----------------------------------------------------------

    def tokens_changed(self, tokens: TokenPair | None) -> None:
        """The client's `on_tokens`: new tokens are kept only when asked; dropped ones are cleared."""
        if tokens is None:
            self.credentials.clear_tokens()
        elif self.stay_connected:
            self.credentials.save_tokens(tokens)

    # --- start and end ----------------------------------------------------------------

    def start(self, me: Me, nir: str, *, remember_nir: bool | None = None, resumed: bool = False) -> None:
        """Logged in. `remember_nir`: the login box (True keeps the NIR, False forgets it, None leaves it).

        `resumed`: with the tokens kept last time, so the session stays kept.
        """
        if self.kiosk:
            remember_nir, resumed = None, False
        if remember_nir is True:
            self.credentials.remember_nir(nir)
        elif remember_nir is False:
            self.credentials.forget_nir()
        if resumed:
            self.stay_connected = True
        self.me = me
        self.nir = nir

    def resume_failed(self) -> None:
        """The kept tokens were refused (expired, revoked): forget them."""
        self.credentials.clear_tokens()

    @property
    def logout_on_exit(self) -> bool:
        """Whether quitting closes the session on the server (it does unless « Rester connecté »)."""
        return not self.stay_connected

    # --- acting for a principal (procurations) -------------------------------------------

    def start_acting(self, acting: Acting, principal: Me) -> None:
        """The principal's space is on show: `me` is theirs; the grantee's own profile waits in `acting`."""
        self.acting = acting
        self.me = principal
        self.constraints = None  # the household (persons concerned) is the principal's

    def stop_acting(self) -> Me | None:
        """Back to the member's own space: their profile again (None when they were not acting)."""
        acting, self.acting = self.acting, None
        if acting is None:
            return None
        self.me = acting.own
        self.constraints = None
        return acting.own

    def end(self) -> None:
        """Logged out: forget the member and clear the kept tokens (the remembered NIR stays)."""
        self.acting = None
        self.me = None
        self.nir = None
        self.constraints = None
        if self._store_in_use:
            self.credentials.clear_tokens()
