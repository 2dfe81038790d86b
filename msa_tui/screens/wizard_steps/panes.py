"""The first six panes of the wizard: they render the Wizard and write the user's choices back into it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, OptionList, RadioButton, RadioSet, Select, Static
from textual.content import Content
from textual.widgets.option_list import Option

from ...core.send_document.files import allowed_labels, display_name, human_size, type_label
from ...core.i18n import _
from ...widgets.toggles import WrappedCheckbox
from ...core.send_document.wizard import ATTESTATION_TEXT, MEDICAL_RULE, Wizard
from ...widgets.safe import plain


class ChoiceButton(RadioButton):
    """A radio button drawn "(•)" / "( )": the choice is written, not only coloured (NO_COLOR)."""

    DEFAULT_CSS = """
    ChoiceButton { border: none; padding: 0 1 0 0; height: 1; background: transparent; }
    ChoiceButton > .toggle--button { background: transparent; color: $text; }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble("(", ("•" if self.value else " ", style), ")")


class Edited(Message):
    """The wizard changed: the screen saves the draft."""


class Told(Message):
    """A short confirmation for the wizard's status line (a toast would cover the Suivant button)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class Pane(VerticalScroll):
    """One step. `render_wizard()` rebuilds what depends on the wizard."""

    def __init__(self, wizard: Wizard, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.wizard = wizard

    async def render_wizard(self) -> None:
        """Refresh from the wizard (override)."""

    def edited(self) -> None:
        self.post_message(Edited())


class ObjectPane(Pane):
    def compose(self) -> ComposeResult:
        yield Label(_("Quel est l'objet de votre demande ?"), classes="step-question")
        with RadioSet(id="object-choices"):
            for choice in self.wizard.constraints.objects:
                yield ChoiceButton(
                    plain(choice.label), value=choice.code == self.wizard.object, id=f"object-{choice.code}"
                )

    @on(RadioSet.Changed)
    def _changed(self, event: RadioSet.Changed) -> None:
        self.wizard.set_object(str(event.pressed.id).removeprefix("object-"))
        self.edited()


class PreparePane(Pane):
    def compose(self) -> ComposeResult:
        c = self.wizard.constraints
        yield Label(_("Préparez votre envoi"), classes="step-question")
        yield Static(
            _("Objet : ") + self.wizard.label_of("object", self.wizard.object) + "\n\n"
            + _("Vous allez indiquer combien de documents vous envoyez, puis pour chacun sa nature, "
                "la personne concernée et le motif, et enfin joindre le ou les fichiers qui le composent.")
            + "\n\n"
            + _("Types acceptés : {types} · {size} au plus par fichier · {files} fichiers au plus par "
                "document · {docs} documents au plus.").format(
                types=allowed_labels(c), size=human_size(c.max_file_bytes),
                files=c.max_files_per_document, docs=c.max_documents)
            + "\n\n" + _(MEDICAL_RULE),
            id="prepare-text", markup=False,
        )
        yield Button(_("d'autres documents"), id="prepare-next", variant="primary")

    async def render_wizard(self) -> None:
        await self.recompose()


class CountPane(Pane):
    def compose(self) -> ComposeResult:
        c = self.wizard.constraints
        yield Label(_("Combien de documents voulez-vous envoyer ?"), classes="step-question")
        yield Select(
            [(str(n), n) for n in range(1, c.max_documents + 1)], value=self.wizard.count,
            allow_blank=False, id="count-select", prompt=_("Nombre de documents"),
        )
        yield Static(_("De 1 à {n} documents.").format(n=c.max_documents), classes="step-help", markup=False)

    @on(Select.Changed, "#count-select")
    def _changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.wizard.count:
            self.wizard.set_count(event.value)
            self.edited()


class DetailsPane(Pane):
    """For each document: nature, personne concernée, motif. A medical nature stops here."""

    class MedicalChosen(Message):
        pass

    def compose(self) -> ComposeResult:
        wiz = self.wizard
        natures = [(plain(n.label), n.code) for n in wiz.constraints.natures]
        people = [(plain(p.label), p.id) for p in wiz.people]
        n = wiz.count
        for i, doc in enumerate(wiz.active_documents):
            with Vertical(classes="document-block"):
                yield Label(_("Document {i}/{n}").format(i=i + 1, n=n), classes="document-title", markup=False)
                yield Select(natures, value=doc.nature or Select.NULL, id=f"nature-{i}",
                             prompt=_("Nature du document"))
                yield Static("", id=f"medical-{i}", classes="medical-stop", markup=False)
                yield Select(people, value=doc.person_id or Select.NULL, id=f"person-{i}",
                             prompt=_("Personne concernée"))
                yield Input(doc.motif, placeholder=_("Motif de l'envoi (obligatoire)"), id=f"motif-{i}",
                            max_length=wiz.constraints.max_motif_length)

    async def render_wizard(self) -> None:
        await self.recompose()
        self.show_medical(None)

    def show_medical(self, address: str | None, *, scroll: bool = False) -> None:
        """The stop beside each medical document: the rule and the service médical's postal address."""
        self.address = address or getattr(self, "address", None)
        address = self.address
        medical = set(self.wizard.medical_documents())
        for i in range(self.wizard.count):
            stop = self.query_one(f"#medical-{i}", Static)
            stop.display = i in medical
            if i in medical:
                text = _("ARRÊT : ") + _(MEDICAL_RULE)
                if address:
                    text += "\n" + address
                stop.update(text)
                if scroll:
                    stop.scroll_visible(animate=False)

    @on(Select.Changed)
    def _select(self, event: Select.Changed) -> None:
        kind, _sep, index = str(event.select.id).partition("-")
        if kind not in ("nature", "person") or event.value is Select.NULL:
            return
        if kind == "nature":
            self.wizard.set_document(int(index), nature=str(event.value))
            self.show_medical(None)
            if self.wizard.medical_documents():
                self.post_message(self.MedicalChosen())
        else:
            self.wizard.set_document(int(index), person_id=str(event.value))
        self.edited()

    @on(Input.Changed)
    def _motif(self, event: Input.Changed) -> None:
        index = int(str(event.input.id).removeprefix("motif-"))
        self.wizard.set_document(index, motif=event.value)
        self.edited()


def file_line(position: int, f) -> str:
    via = _(" (lien)") if f.link else ""
    status = {"uploaded": _(" — envoyé"), "failed": _(" — échec")}.get(f.status.value, "")
    return f"{position + 1}. {display_name(f.name)}{via} — {human_size(f.size)} — {type_label(f.content_type)}{status}"


class FilesPane(Pane):
    """Each document's files: add (picker), reorder, remove; refusals listed in French."""

    BINDINGS = [
        # Alt+↑/↓ are written on the step (its hint line) and listed by F1: at 80 columns the
        # footer's room goes to Suppr, Alt+N/Alt+P, Échap.
        Binding("alt+up,ctrl+up", "move(-1)", _("Monter"), id="wizard.file_up", show=False,
                tooltip=_("Monter ce fichier")),
        Binding("alt+down,ctrl+down", "move(1)", _("Descendre"), id="wizard.file_down", show=False,
                tooltip=_("Descendre ce fichier")),
        Binding("delete,d", "remove", _("Retirer"), id="wizard.file_remove", key_display="Suppr",
                tooltip=_("Retirer ce fichier")),
    ]

    class AddRequested(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, wizard: Wizard, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(wizard, id=id, classes=classes)
        self.refusals: list[str] = []

    def compose(self) -> ComposeResult:
        wiz = self.wizard
        cap = wiz.constraints.max_files_per_document
        for i, doc in enumerate(wiz.active_documents):
            with Vertical(classes="document-block"):
                yield Label(
                    plain(_("Document {i} — {nature} ({k}/{cap} fichiers)").format(
                        i=i + 1, nature=wiz.label_of("nature", doc.nature), k=len(doc.files), cap=cap)),
                    classes="document-title",
                )
                with Horizontal(classes="files-row"):
                    yield OptionList(
                        *[Option(plain(file_line(j, f))) for j, f in enumerate(doc.files)] or [
                            Option(_("Aucun fichier."), disabled=True)],
                        id=f"files-{i}", classes="files-list",
                    )
                    yield Button(_("Ajouter des fichiers"), id=f"add-{i}", classes="add-files")
        yield Static(_("Dans une liste : Alt+↑/↓ déplacer · Suppr retirer."), classes="step-help")
        yield Static("\n".join(self.refusals), id="refusals", markup=False)

    async def render_wizard(self) -> None:
        await self.recompose()
        self.query_one("#refusals").display = bool(self.refusals)

    @on(Button.Pressed, ".add-files")
    def _add(self, event: Button.Pressed) -> None:
        self.post_message(self.AddRequested(int(str(event.button.id).removeprefix("add-"))))

    def _focused_list(self) -> tuple[int, int] | None:
        focused = self.screen.focused
        if isinstance(focused, OptionList) and str(focused.id).startswith("files-"):
            index = int(str(focused.id).removeprefix("files-"))
            if focused.highlighted is not None and self.wizard.documents[index].files:
                return index, focused.highlighted
        return None

    async def action_move(self, delta: int) -> None:
        where = self._focused_list()
        if where is None:
            return
        index, position = where
        new = self.wizard.move_file(index, position, delta)
        self.edited()
        await self._rerender_and_focus(index, new)

    async def action_remove(self) -> None:
        where = self._focused_list()
        if where is None:
            return
        index, position = where
        name = self.wizard.documents[index].files[position].name
        self.wizard.remove_file(index, position)
        self.refusals = []
        self.edited()
        self.post_message(Told(_("« {name} » retiré du document {i}.").format(name=display_name(name), i=index + 1)))
        await self._rerender_and_focus(index, max(0, position - 1))

    async def _rerender_and_focus(self, index: int, position: int) -> None:
        await self.render_wizard()
        listing = self.query_one(f"#files-{index}", OptionList)
        listing.focus()
        if self.wizard.documents[index].files:
            listing.highlighted = position


class RecapPane(Pane):
    def compose(self) -> ComposeResult:
        yield Static(recap_text(self.wizard), id="recap-text", markup=False)
        yield WrappedCheckbox(_(ATTESTATION_TEXT), value=self.wizard.attestation, id="attestation")
        yield Static(_("L'envoi n'est possible qu'une fois l'attestation cochée."), id="attestation-hint")

    async def render_wizard(self) -> None:
        await self.recompose()

    def update_text(self) -> None:
        self.query_one("#recap-text", Static).update(recap_text(self.wizard))

    @on(Checkbox.Changed, "#attestation")
    def _ticked(self, event: Checkbox.Changed) -> None:
        self.wizard.set_attestation(event.value)
        self.edited()


def recap_text(wiz: Wizard) -> str:
    lines = [_("Objet : ") + wiz.label_of("object", wiz.object), ""]
    for i, doc in enumerate(wiz.active_documents):
        lines.append(_("Document {i} : {nature}").format(i=i + 1, nature=wiz.label_of("nature", doc.nature)))
        lines.append(_("  Personne concernée : ") + wiz.person_label(doc.person_id))
        lines.append(_("  Motif : ") + doc.motif.strip())
        for j, f in enumerate(doc.files):
            lines.append("  " + file_line(j, f))
            if f.sha256:
                lines.append(f"     SHA-256 {f.sha256[:16]}…")
            if f.link:
                lines.append("     " + _("lien vers ") + display_name(f.path))
    return "\n".join(lines)
