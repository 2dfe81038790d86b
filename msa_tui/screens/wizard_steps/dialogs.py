"""Dialogs of the wizard (and of message attachments): resume a draft, pick files, shrink a photo, name a nature."""

from __future__ import annotations

from typing import ClassVar

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..bindings import page_bindings
from ...api.models import SubmissionConstraints
from ...core.i18n import _
from ...widgets.file_picker import FilePicker
from ...widgets.safe import plain


class YesNoDialog(ModalScreen[bool]):
    """A question of the wizard answered yes (O, the focused button) or no (N): its words below.

    Ids: `<PREFIX>-dialog` (the screen), `<PREFIX>-<TEXT_ID>` (the text), `<PREFIX>-yes`/`-no` (the buttons)."""

    PREFIX: ClassVar[str]
    TEXT_ID: ClassVar[str]
    TITLE_WORDS: ClassVar[str]
    YES: ClassVar[str]
    NO: ClassVar[str]

    def __init__(self, text: str) -> None:
        super().__init__(id=f"{self.PREFIX}-dialog")
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_(self.TITLE_WORDS), classes="dialog-title")
            yield Static(self.text, id=f"{self.PREFIX}-{self.TEXT_ID}", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_(self.YES), id=f"{self.PREFIX}-yes", variant="primary")
                yield Button(_(self.NO), id=f"{self.PREFIX}-no")

    def on_mount(self) -> None:
        self.query_one(f"#{self.PREFIX}-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == f"{self.PREFIX}-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ResumeDialog(YesNoDialog):
    """"Reprendre l'envoi en cours ?" Escape resumes: closing the question never loses a draft."""

    BINDINGS = page_bindings(
        ("o,y,escape", "answer(True)", "Reprendre", "resume.yes", "Reprendre l'envoi en cours"),
        ("n", "answer(False)", "Abandonner", "resume.no", "Abandonner le brouillon et recommencer"),
    )
    PREFIX, TEXT_ID = "resume", "summary"
    TITLE_WORDS = "Reprendre l'envoi en cours ?"
    YES, NO = "Oui, reprendre (O)", "Non, recommencer (N)"


class FilePickerDialog(ModalScreen[list[Path]]):
    """The file picker for one document; dismisses with the paths to add (empty when cancelled)."""

    DEFAULT_CSS = """
    FilePickerDialog > Vertical { width: 100%; height: 100%; border: thick $primary; background: $surface; }
    FilePickerDialog #picker-buttons { height: auto; }
    FilePickerDialog #picker-buttons Button { margin: 0 1; }
    """
    BINDINGS = page_bindings(
        ("escape", "cancel", "Annuler", "picker.cancel", "Fermer sans ajouter"),
        ("ctrl+a", "add", "Ajouter", "picker.add", "Ajouter les fichiers marqués"),
    )

    def __init__(self, title: str, constraints: SubmissionConstraints, start_dir: Path | None) -> None:
        super().__init__(id="file-picker-dialog")
        self.title_text = title
        self.constraints = constraints
        self.start_dir = start_dir

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(plain(self.title_text), classes="dialog-title")
            yield FilePicker(self.constraints, self.start_dir, id="file-picker")
            with Horizontal(id="picker-buttons"):
                yield Button(_("Ajouter les fichiers marqués (Ctrl+A)"), id="picker-add", variant="primary")
                yield Button(_("Annuler (Échap)"), id="picker-cancel")

    def on_mount(self) -> None:
        self.query_one("#picker-tree").focus()

    @on(FilePicker.Chosen)
    def _chosen(self, event: FilePicker.Chosen) -> None:
        self.dismiss(event.paths)

    @on(Button.Pressed, "#picker-add")
    def action_add(self) -> None:
        picker = self.query_one(FilePicker)
        if picker.file_tree.marked:
            self.dismiss(list(picker.file_tree.marked))
        else:
            self.notify(_("Marquez d'abord des fichiers avec Espace, ou appuyez sur Entrée sur un fichier."))

    @on(Button.Pressed, "#picker-cancel")
    def action_cancel(self) -> None:
        self.dismiss([])


class ShrinkDialog(YesNoDialog):
    """« Fichier trop volumineux » : join a reduced copy (sizes shown) or not. Escape joins nothing."""

    BINDINGS = page_bindings(
        ("o,y", "answer(True)", "Réduire", "shrink.yes", "Joindre la copie réduite"),
        ("n,escape", "answer(False)", "Ne pas joindre", "shrink.no", "Ne pas joindre ce fichier"),
    )
    PREFIX, TEXT_ID = "shrink", "offer"
    TITLE_WORDS = "Fichier trop volumineux"
    YES, NO = "Joindre la copie réduite (O)", "Ne pas joindre (N)"


class NatureDialog(ModalScreen[str | None]):
    """« Nature du document joint » : one of the wizard's natures (Entrée); Échap joins nothing."""

    DEFAULT_CSS = """
    NatureDialog #nature-choices { height: auto; max-height: 14; }
    """
    BINDINGS = [Binding("escape", "cancel", _("Annuler"), id="nature.cancel", tooltip=_("Ne rien joindre"))]

    def __init__(self, constraints: SubmissionConstraints, count: int) -> None:
        super().__init__(id="nature-dialog")
        self.constraints = constraints
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Nature du document joint"), classes="dialog-title")
            yield Static(_("{n} fichier(s) choisi(s). Quel document est-ce ? (Entrée pour choisir)").format(
                n=self.count), markup=False)
            yield OptionList(*[Option(plain(n.label), id=n.code) for n in self.constraints.natures],
                             id="nature-choices")

    def on_mount(self) -> None:
        self.query_one("#nature-choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#nature-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
