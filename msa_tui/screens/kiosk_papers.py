"""Kiosk papers: at a shared desk the member takes a saved PDF away by e-mail or on paper.

The pages that save a PDF (attestations, documents, the wizard's receipt) mix this in. The
keys show only in kiosk mode, « Imprimer » only when a print command is configured. They act
on the file the page just saved, or let the page save it first (into the kiosk session folder,
which is wiped at logout whatever happens to the e-mail or the printer).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual import work
from textual.binding import BindingType
from textual.widgets import Static

from ..api.errors import ApiError
from ..core.i18n import _
from ..core.kiosk import print_file
from ..widgets.safe import notify_plain
from .bindings import page_bindings

PAPER_ACTIONS = ("mail_copy", "print_paper")


def paper_bindings() -> list[BindingType]:
    # F-keys: they pass through GNU screen and SSH, and no field of these pages uses them.
    return page_bindings(
        ("f6", "mail_copy", "Courriel", "kiosk.mail_copy",
         "Envoyer par courriel ce document à l'adresse connue de la MSA"),
        ("f7", "print_paper", "Imprimer", "kiosk.print", "Imprimer ce document sur l'imprimante de l'accueil"))


class KioskPapers:
    """Mixin for a PageScreen (put it first): F6 mails, F7 prints the paper just saved."""

    PAPER_LINE: str | None = None
    """The selector of the page's result line, where the outcome is written too."""

    app: Any
    api: Any
    call: Any

    def paper_allowed(self, action: str) -> bool | None:
        """None when `action` is not a paper key; else whether it is offered here and now."""
        if action not in PAPER_ACTIONS:
            return None
        if getattr(self.app, "kiosk", None) is None:
            return False
        if action == "print_paper" and not self.print_command():
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = self.paper_allowed(action)
        if allowed is not None:
            return allowed
        return super().check_action(action, parameters)  # type: ignore[misc]

    def print_command(self) -> str | None:
        command = getattr(self.app.config, "print_command", None)
        return command if command and command.strip() else None

    async def paper_to_hand(self) -> Path | None:
        """The file to mail or print, saved first when needed; None once the page told why not."""
        raise NotImplementedError

    async def _paper(self) -> Path | None:
        try:
            return await self.paper_to_hand()
        except ApiError as error:
            self.tell_paper(error.message, failed=True)
            return None

    def tell_paper(self, text: str, *, failed: bool = False) -> None:
        line = self.query(self.PAPER_LINE).first(Static) if self.PAPER_LINE else None  # type: ignore[attr-defined]
        if line is not None:
            line.display = True
            line.set_class(failed, "-refused")
            line.update(("⚠ " if failed else "") + text)
        notify_plain(self, text, severity="error" if failed else "information")

    def action_mail_copy(self) -> None:
        if self.paper_allowed("mail_copy"):
            self.mail_paper()

    def action_print_paper(self) -> None:
        if self.paper_allowed("print_paper"):
            self.print_paper()

    @work(exclusive=True, group="kiosk-paper", exit_on_error=False)
    async def mail_paper(self) -> None:
        path = await self._paper()
        if path is None:
            return
        self.tell_paper(_("Envoi par courriel de « {name} »…").format(name=path.name))
        try:
            sent = await self.call(lambda: self.api.mail_copy(path),
                                   _("Le document n'a pas été envoyé par courriel. Réessayez avec F6."))
        except OSError:
            self.tell_paper(_("Le document n'a pas pu être lu ; il n'a pas été envoyé."), failed=True)
        except ApiError as error:
            self.tell_paper(_("Envoi par courriel impossible : {reason}").format(reason=error.message), failed=True)
        else:
            self.tell_paper(_("« {name} » envoyé par courriel à {to}.").format(name=sent.name, to=sent.to))

    @work(exclusive=True, group="kiosk-paper", exit_on_error=False)
    async def print_paper(self) -> None:
        command = self.print_command()
        path = await self._paper()
        if path is None or command is None:
            return
        self.tell_paper(_("Impression de « {name} »…").format(name=path.name))
        problem = await asyncio.to_thread(print_file, command, path)
        if problem is not None:
            self.tell_paper(problem, failed=True)
        else:
            self.tell_paper(_("« {name} » envoyé à l'imprimante.").format(name=path.name))
