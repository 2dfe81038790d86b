"""A French PDF with an embedded Unicode font (fpdf2), for the server's PDFs and the client's receipt.

The core PDF fonts know windows-1252 at best: ’, — and narrow spaces are lost and extracted
text is unreliable. Source Sans Pro (SIL OFL), shipped by the `font-source-sans-pro` package
that pyproject.toml depends on, is embedded (subset) instead.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

FAMILY = "SourceSans"


def _font(name: str) -> str:
    return str(resources.files("font_source_sans_pro").joinpath("files", name))


def french_pdf(title: str, author: str) -> Any:
    """An A4 FPDF with the Unicode font registered (regular and bold), `/Lang fr-FR`, title and author."""
    from fpdf import FPDF  # lazy: only needed once a PDF is made

    pdf = FPDF(format="A4")
    pdf.add_font(FAMILY, "", _font("SourceSansPro-Regular.ttf"))
    pdf.add_font(FAMILY, "B", _font("SourceSansPro-Bold.ttf"))
    pdf.set_lang("fr-FR")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_auto_page_break(auto=True, margin=15)
    return pdf
