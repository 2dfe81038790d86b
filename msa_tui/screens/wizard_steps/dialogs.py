"""Dialogs of the wizard: resume a draft, pick files."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

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
