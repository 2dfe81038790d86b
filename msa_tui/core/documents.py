"""Where a downloaded document lands: a safe file name from its date and title, never overwriting (no Textual)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from msa_tui.api.models import Document

NAME_MAX = 100
"""Characters of the name before the extension: long titles stay readable in a file manager."""

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

# Characters Windows, macOS or a shell would refuse or misread in a file name.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|]+')


def safe_stem(text: str) -> str:
    """`text` made fit for a file name: no path separators, no control characters, one space between words."""
    cleaned = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    cleaned = _FORBIDDEN.sub("-", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" .-")
    return cleaned[:NAME_MAX].rstrip(" .-") or "document"


def download_name(document: Document) -> str:
    """"2026-10-08 Relevé mensuel de prestations – octobre 2026.pdf": the date first so files sort by date."""
    from msa_tui.core.clock import PARIS

    moment = document.date.astimezone(PARIS) if document.date.tzinfo else document.date
    extension = EXTENSIONS.get(document.content_type, ".bin")
    return f"{moment:%Y-%m-%d} {safe_stem(document.title)}{extension}"


def unique_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem (2).ext`, `(3)`… when taken: a download never replaces a file."""
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({number}){suffix}"
        number += 1
    return candidate
