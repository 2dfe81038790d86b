"""Dialogs of the wizard (and of message attachments): resume a draft, pick files, shrink a photo, name a nature."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...api.models import SubmissionConstraints
from ...core.i18n import _
from ...widgets.file_picker import FilePicker
from ...widgets.safe import plain


class ResumeDialog(ModalScreen[bool]):
    """"Reprendre l'envoi en cours ?" Escape resumes: closing the question never loses a draft."""

    BINDINGS = [
        Binding("o,y,escape", "answer(True)", _("Reprendre"), id="resume.yes", tooltip=_("Reprendre l'envoi en cours")),
        Binding("n", "answer(False)", _("Abandonner"), id="resume.no",
                tooltip=_("Abandonner le brouillon et recommencer")),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__(id="resume-dialog")
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Reprendre l'envoi en cours ?"), classes="dialog-title")
            yield Static(self.summary, id="resume-summary", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Oui, reprendre (O)"), id="resume-yes", variant="primary")
                yield Button(_("Non, recommencer (N)"), id="resume-no")

    def on_mount(self) -> None:
        self.query_one("#resume-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "resume-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class FilePickerDialog(ModalScreen[list[Path]]):
    """The file picker for one document; dismisses with the paths to add (empty when cancelled)."""

    DEFAULT_CSS = """
    FilePickerDialog > Vertical { width: 100%; height: 100%; border: thick $primary; background: $surface; }
    FilePickerDialog #picker-buttons { height: auto; }
    FilePickerDialog #picker-buttons Button { margin: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", _("Annuler"), id="picker.cancel", tooltip=_("Fermer sans ajouter")),
        Binding("ctrl+a", "add", _("Ajouter"), id="picker.add", tooltip=_("Ajouter les fichiers marqués")),
    ]

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


class ShrinkDialog(ModalScreen[bool]):
    """« Fichier trop volumineux » : join a reduced copy (sizes shown) or not. Escape joins nothing."""

    BINDINGS = [
        Binding("o,y", "answer(True)", _("Réduire"), id="shrink.yes", tooltip=_("Joindre la copie réduite")),
        Binding("n,escape", "answer(False)", _("Ne pas joindre"), id="shrink.no",
                tooltip=_("Ne pas joindre ce fichier")),
    ]

    def __init__(self, offer: str) -> None:
        super().__init__(id="shrink-dialog")
        self.offer = offer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Fichier trop volumineux"), classes="dialog-title")
            yield Static(self.offer, id="shrink-offer", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Joindre la copie réduite (O)"), id="shrink-yes", variant="primary")
                yield Button(_("Ne pas joindre (N)"), id="shrink-no")

    def on_mount(self) -> None:
        self.query_one("#shrink-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "shrink-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


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
