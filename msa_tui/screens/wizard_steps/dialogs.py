"""Dialogs of the wizard (and of message attachments): resume a draft, pick files, shrink a photo, name a nature."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

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


@dataclass(frozen=True)
class Answer:
    """One answer to a YesNoDialog (French, translated when shown)."""

    keys: str
    footer: str
    tooltip: str
    button: str


class YesNoDialog(ModalScreen[bool]):
    """A question of the wizard answered yes (O, the focused button) or no (N): its words below.

    Ids: `<PREFIX>-dialog` (the screen), `<PREFIX>-<TEXT_ID>` (the text), `<PREFIX>-yes`/`-no` (the buttons),
    binding ids `<PREFIX>.yes`/`.no`."""

    PREFIX: ClassVar[str]
    TEXT_ID: ClassVar[str]
    TITLE_WORDS: ClassVar[str]
    YES: ClassVar[Answer]
    NO: ClassVar[Answer]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "YES" in cls.__dict__:
            # Before Textual's own hook, which merges the class's BINDINGS.
            cls.BINDINGS = page_bindings(*(
                (answer.keys, f"answer({yes})", answer.footer, f"{cls.PREFIX}.{name}", answer.tooltip)
                for answer, yes, name in ((cls.YES, True, "yes"), (cls.NO, False, "no"))))
        super().__init_subclass__(**kwargs)

    def __init__(self, text: str) -> None:
        super().__init__(id=f"{self.PREFIX}-dialog")
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_(self.TITLE_WORDS), classes="dialog-title")
            yield Static(self.text, id=f"{self.PREFIX}-{self.TEXT_ID}", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_(self.YES.button), id=f"{self.PREFIX}-yes", variant="primary")
                yield Button(_(self.NO.button), id=f"{self.PREFIX}-no")

    def on_mount(self) -> None:
        self.query_one(f"#{self.PREFIX}-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == f"{self.PREFIX}-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ResumeDialog(YesNoDialog):
    """"Reprendre l'envoi en cours ?" Escape resumes: closing the question never loses a draft."""

    PREFIX, TEXT_ID, TITLE_WORDS = "resume", "summary", "Reprendre l'envoi en cours ?"
    YES = Answer("o,y,escape", "Reprendre", "Reprendre l'envoi en cours", "Oui, reprendre (O)")
    NO = Answer("n", "Abandonner", "Abandonner le brouillon et recommencer", "Non, recommencer (N)")


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

    PREFIX, TEXT_ID, TITLE_WORDS = "shrink", "offer", "Fichier trop volumineux"
    YES = Answer("o,y", "Réduire", "Joindre la copie réduite", "Joindre la copie réduite (O)")
    NO = Answer("n,escape", "Ne pas joindre", "Ne pas joindre ce fichier", "Ne pas joindre (N)")


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
