"""Modal dialogs of the shell: confirm (quit, logout), inactivity warning, re-login after expiry."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ..core.i18n import _
from ..core.nir import format_nir
from ..widgets.safe import plain

if TYPE_CHECKING:
    from ..app import MsaApp
    from ..core.idle import IdleTimer


def dialog(title: VisualType, *body: Widget, buttons: Sequence[Button]) -> Vertical:
    """A dialog's frame: its title, its body, then its buttons in a row (the classes the stylesheet styles).

    For a modal's `compose`: `yield dialog(_("Titre ?"), Static(...), buttons=[Button(...), Button(...)])`.
    """
    title_line = Label(title, classes="dialog-title", markup=False)  # titles are literal: nothing to parse
    return Vertical(title_line, *body, Horizontal(*buttons, classes="dialog-buttons"), classes="dialog")


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; Enter confirms (the confirm button has focus), Escape cancels."""

    BINDINGS = [
        Binding("escape,n", "cancel", _("Annuler"), id="confirm.cancel", tooltip=_("Fermer sans rien faire")),
        Binding("o,y", "confirm", _("Oui"), id="confirm.yes", tooltip=_("Confirmer")),
    ]

    def __init__(self, question: str, confirm_label: str, *, id: str | None = None,
                 cancel_label: str | None = None, focus_cancel: bool = False) -> None:
        super().__init__(id=id)
        # `focus_cancel`: when confirming loses something (typed text), Enter keeps it.
        self.focus_cancel = focus_cancel
        self.question = question
        self.confirm_label = confirm_label
        # When the action itself is a cancellation, "Annuler" would read both ways: say what N keeps.
        self.cancel_label = cancel_label

    def compose(self) -> ComposeResult:
        cancel = f"{self.cancel_label} (N)" if self.cancel_label else _("Annuler (N)")
        yield dialog(plain(self.question), buttons=[Button(f"{self.confirm_label} (O)", id="yes", variant="primary"),
                                                    Button(cancel, id="no")])

    def on_mount(self) -> None:
        self.query_one("#no" if self.focus_cancel else "#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class IdleWarningDialog(ModalScreen[bool]):
    """Announces the inactivity logout with a live countdown; one key keeps the session (RGAA 13.1)."""

    BINDINGS = [
        Binding(
            "enter,r", "stay", _("Rester connecté"), id="idle.stay", priority=True,
            tooltip=_("Prolonger la session"),
        ),
    ]

    def __init__(self, idle: IdleTimer) -> None:
        super().__init__(id="idle-warning")
        self.idle = idle

    def compose(self) -> ComposeResult:
        yield dialog(_("Êtes-vous toujours là ?"),
                     Static(self._countdown_text(), id="idle-countdown", markup=False),
                     Static(_("Appuyez sur Entrée (ou R) pour rester connecté.")),
                     buttons=[Button(_("Rester connecté (Entrée)"), id="stay", variant="primary")])

    def _countdown_text(self) -> str:
        seconds = max(0, int(round(self.idle.seconds_left())))
        return _("Sans action de votre part, vous serez déconnecté dans {n} s.").format(n=seconds)

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        self.query_one("#idle-countdown", Static).update(self._countdown_text())

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.idle.touch()
        self.dismiss(True)


class ReloginDialog(ModalScreen[bool]):
    """The server ended the session: password again, same member (NIR fixed).

    `answer` resolves to True once logged in again, False if the member gives up; the
    app awaits it directly, so the caller may be a worker or a message handler.
    """

    BINDINGS = [
        Binding("escape", "give_up", _("Abandonner"), id="relogin.cancel", tooltip=_("Se déconnecter")),
    ]

    def __init__(self, nir: str) -> None:
        super().__init__(id="relogin")
        self.nir = nir
        self.answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def compose(self) -> ComposeResult:
        yield dialog(_("Votre session a expiré"),
                     Static(_("Saisissez à nouveau votre mot de passe pour reprendre là où vous en étiez.")),
                     Static(_("Identifiant : {nir}").format(nir=format_nir(self.nir)), id="relogin-nir", markup=False),
                     Input(password=True, placeholder=_("Mot de passe"), id="relogin-password"),
                     Static("", id="relogin-error", classes="error-message"),
                     buttons=[Button(_("Se reconnecter"), id="relogin-submit", variant="primary"),
                              Button(_("Abandonner (Échap)"), id="relogin-cancel")])

    def on_mount(self) -> None:
        self.query_one("#relogin-password", Input).focus()

    def _finish(self, ok: bool) -> None:
        if not self.answer.done():
            self.answer.set_result(ok)
        self.dismiss(ok)

    @on(Button.Pressed, "#relogin-cancel")
    def action_give_up(self) -> None:
        self._finish(False)

    @on(Input.Submitted, "#relogin-password")
    @on(Button.Pressed, "#relogin-submit")
    def submit(self) -> None:
        password = self.query_one("#relogin-password", Input).value
        if not password:
            self.query_one("#relogin-error", Static).update(_("Saisissez votre mot de passe."))
            return
        self._login(password)

    @work(exclusive=True)
    async def _login(self, password: str) -> None:
        from ..api.errors import AccountLocked, ApiError, CodeRequired

        error = self.query_one("#relogin-error", Static)
        error.update(_("Connexion en cours…"))
        try:
            await cast("MsaApp", self.app).client.login(self.nir, password)
        except CodeRequired as step:  # the member's second factor (issue 14): the login's own code step
            from .login_code import CODE_CANCELLED, LoginCodeScreen

            if await self.app.push_screen_wait(LoginCodeScreen(self.nir, step.challenge, step.message)):
                self._finish(True)
                return
            error.update(_(CODE_CANCELLED))
        except AccountLocked as exc:
            error.update(lockout_message(exc.retry_after))
        except ApiError as exc:
            error.update(plain(exc.message))
        else:
            self._finish(True)
            return
        self.query_one("#relogin-password", Input).value = ""


def lockout_message(retry_after: int | None) -> str:
    """French text for a locked account, with its duration in minutes when known."""
    if retry_after is None:
        return _("Compte verrouillé après trop d'essais. Réessayez dans 15 minutes.")
    minutes = max(1, -(-retry_after // 60))
    if minutes == 1:
        return _("Compte verrouillé après trop d'essais. Réessayez dans 1 minute.")
    return _("Compte verrouillé après trop d'essais. Réessayez dans {n} minutes.").format(n=minutes)
