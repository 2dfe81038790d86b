"""Consulter un document (PORTAL.md 2.3, 4): the documents exchanged with the MSA, downloadable."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from ..api.models import Direction, Document
from ..core.documents import download_name
from ..core.send_document.files import human_size
from ..core.formatting import long_date, short_date
from ..core.i18n import _
from ..widgets.columns import add_columns
from ..widgets.load_panel import LoadPanel
from .bindings import page_bindings
from .downloads import save_in_downloads
from .kiosk_papers import KioskPapers, paper_bindings
from .loading_page import LoadingPage
from ..widgets.safe import notify_plain

FILTERS: list[tuple[Direction | None, str]] = [
    (None, "tous les documents"),
    (Direction.sent, "les documents envoyés à la MSA"),
    (Direction.received, "les documents reçus de la MSA"),
]
"""The direction filter, in the order the F key cycles through it."""
COLUMNS = [("Date", "date", 10), ("Sens", "direction", 7), ("Titre", "title", None), ("Taille", "size", 9)]


def direction_label(direction: Direction | str) -> str:
    return _("Envoyé") if str(direction) == Direction.sent.value else _("Reçu")


class DocumentsScreen(KioskPapers, LoadingPage):
    """A table of documents (date, sent/received, title, size); Enter or T downloads the selected one."""

    PAGE_TITLE = "Consulter un document"
    FAILURE_LINES = {"documents-download": "#download-result"}
    PAPER_LINE = "#download-result"
    BINDINGS = page_bindings(
        ("t", "download", "Télécharger", "documents.download",
         "Enregistrer le document sélectionné dans votre dossier Téléchargements"),
        ("f", "next_filter", "Filtrer", "documents.filter", "Afficher tous les documents, les envoyés ou les reçus"),
        retry="Recharger la liste des documents") + paper_bindings()

    def __init__(self) -> None:
        super().__init__()
        self.filter_index = 0
        self.documents: list[Document] = []
        self.downloading = False
        self.saved: dict[str, Path] = {}
        """Documents downloaded on this page, by id (what F6/F7 hand over for the selected one)."""

    def compose_body(self) -> ComposeResult:
        yield Static(_("Documents échangés avec la MSA"), classes="page-title")
        yield Static("", id="documents-filter", markup=False)
        yield LoadPanel(id="documents-load")
        yield DataTable(id="documents-table", cursor_type="row", zebra_stripes=False)
        yield Static(_("Aucun document à afficher."), id="documents-empty", markup=False)
        yield Static("", id="document-detail", markup=False)
        yield Static("", id="download-result", markup=False)

    def on_mount(self) -> None:
        add_columns(self.query_one(DataTable), COLUMNS)
        self.query_one("#download-result", Static).display = False
        self.show_filter()
        self.load()

    def on_resize(self) -> None:
        self._fit_title_column()

    def _fit_title_column(self) -> None:
        # The title takes what the other columns leave, so that a row stays on one line at 80 columns.
        table = self.query_one(DataTable)
        column = table.columns.get(ColumnKey("title"))
        if column is None:
            return
        others = 10 + 7 + 9 + 4 * 2 * table.cell_padding + 2
        column.auto_width = False
        column.width = max(20, self.size.width - others - 4)
        table.refresh()

    @property
    def direction(self) -> Direction | None:
        return FILTERS[self.filter_index][0]

    def show_filter(self) -> None:
        text = _("Affichage : {what}").format(what=_(FILTERS[self.filter_index][1]))
        hint = _("F : changer · Entrée ou T : télécharger")
        self.query_one("#documents-filter", Static).update(f"{text}  ({hint})")

    @work(exclusive=True, group="documents-load", exit_on_error=False)
    async def load(self) -> None:
        direction = self.direction
        page = await self.fetch(lambda: self.api.documents(direction=direction, limit=100),
                                _("La liste des documents n'a pas pu être chargée."))
        self.show_documents(page.items)

    def show_documents(self, documents: list[Document]) -> None:
        self.documents = documents
        table = self.query_one(DataTable)
        table.clear()
        for document in documents:
            table.add_row(
                short_date(document.date),
                direction_label(document.direction),
                Text(document.title, overflow="ellipsis", no_wrap=True),
                Text(human_size(document.size), justify="right"),
                key=document.id,
            )
        self._fit_title_column()
        self.set_class(not documents, "-empty")
        if documents:
            table.move_cursor(row=0)
            table.focus()

    def selected(self) -> Document | None:
        table = self.query_one(DataTable)
        if not self.documents or table.cursor_row < 0 or table.cursor_row >= len(self.documents):
            return None
        return self.documents[table.cursor_row]

    @on(DataTable.RowHighlighted, "#documents-table")
    def _row_highlighted(self) -> None:
        # The table cuts long titles at 80 columns: the whole title and details read here.
        document = self.selected()
        detail = self.query_one("#document-detail", Static)
        if document is None:
            detail.update("")
            return
        verb = _("envoyé le {date}") if document.direction == Direction.sent else _("reçu le {date}")
        parts = [document.title, verb.format(date=long_date(document.date)), human_size(document.size)]
        if document.submission_reference:
            parts.append(_("accusé de réception {ref}").format(ref=document.submission_reference))
        detail.update(" · ".join(parts))

    @on(DataTable.RowSelected, "#documents-table")
    def _row_chosen(self) -> None:
        self.action_download()

    def action_download(self) -> None:
        document = self.selected()
        if document is None:
            self.notify(_("Aucun document sélectionné."), severity="warning")
            return
        if not self.downloading:
            self.download(document)

    async def paper_to_hand(self) -> Path | None:
        document = self.selected()
        if document is None:
            self.tell_paper(_("Aucun document sélectionné."), failed=True)
            return None
        saved = self.saved.get(document.id)
        if saved is not None and saved.is_file():
            return saved
        return None if self.downloading else await self._download(document)

    @work(exclusive=True, group="documents-download", exit_on_error=False)
    async def download(self, document: Document) -> None:
        await self._download(document)

    async def _download(self, document: Document) -> Path | None:
        self.downloading = True
        result = self.query_one("#download-result", Static)
        result.display = True
        result.update(_("Téléchargement de « {title} »…").format(title=document.title))
        try:
            path, problem = await save_in_downloads(
                self, download_name(document), lambda dest: self.api.download_document(document.id, dest),
                _("Le document n'a pas été téléchargé. Réessayez avec T."))
        finally:
            self.downloading = False
        if path is None:
            result.update(f"⚠ {problem}")
            return None
        self.saved[document.id] = path
        result.update(_("Document enregistré : {path}").format(path=path))
        notify_plain(self, path, title=_("Document enregistré"))
        return path

    def action_next_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.show_filter()
        self.load()
