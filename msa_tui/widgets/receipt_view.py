"""The accusé de réception on screen: its sections as headed blocks of text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..api.models import Receipt
from ..core.i18n import _
from ..core.send_document.receipt import sections


class ReceiptView(Vertical):
    """Every item of the receipt (reference, date, service, deadline, recourse, files with SHA-256)."""

    DEFAULT_CSS = """
    ReceiptView { height: auto; }
    ReceiptView .receipt-title { text-style: bold; margin-top: 1; }
    ReceiptView .receipt-lines { padding-left: 2; }
    """

    def __init__(
        self,
        receipt: Receipt,
        *,
        nature_labels: dict[str, str] | None = None,
        person_labels: dict[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.receipt = receipt
        self.nature_labels = nature_labels
        self.person_labels = person_labels

    def compose(self) -> ComposeResult:
        for section in sections(
            self.receipt, nature_labels=self.nature_labels, person_labels=self.person_labels
        ):
            yield Static(_(section.title), classes="receipt-title", markup=False)
            yield Static("\n".join(section.lines), classes="receipt-lines", markup=False)
