"""Small real PDFs made with fpdf2: documents exchanged with the MSA and attestations.

Text is set in an embedded Unicode font (msa_tui.core.pdf_fonts): €, œ, — and ’ survive and
can be extracted ("159,99 €")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from msa_tui.core.pdf_fonts import FAMILY, french_pdf


def make_pdf(title: str, header: Iterable[str], body: Iterable[str], *, created: datetime) -> bytes:
    """An A4 page (more if needed): caisse header, title, then one line per body item.

    `created` pins the PDF's creation date so the same input gives the same bytes.
    """
    pdf = french_pdf(title, "MSA")
    pdf.set_creation_date(created)
    pdf.add_page()
    pdf.set_font(FAMILY, size=9)
    for line in header:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FAMILY, style="B", size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FAMILY, size=10)
    for line in body:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
