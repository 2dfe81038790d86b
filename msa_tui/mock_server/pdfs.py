"""Small real PDFs made with fpdf2: documents exchanged with the MSA and attestations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from fpdf import FPDF

_REPLACEMENTS = {"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "€": "EUR", "œ": "oe",
                 "Œ": "OE", "…": "...", "\u202f": " ", "\u00a0": " "}


def latin1(text: str) -> str:
    """The core PDF fonts only know Latin-1: map the usual French typography onto it."""
    for src, dst in _REPLACEMENTS.items():
        text = text.replace(src, dst)
    return text.encode("latin-1", "replace").decode("latin-1")


def make_pdf(title: str, header: Iterable[str], body: Iterable[str], *, created: datetime) -> bytes:
    """An A4 page (more if needed): caisse header, title, then one line per body item.

    `created` pins the PDF's creation date so the same input gives the same bytes.
    """
    pdf = FPDF(format="A4")
    pdf.set_creation_date(created)
    pdf.set_title(latin1(title))
    pdf.set_author("MSA")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    for line in header:
        pdf.cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("helvetica", style="B", size=14)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", size=10)
    for line in body:
        pdf.multi_cell(0, 6, latin1(line) if line else " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
