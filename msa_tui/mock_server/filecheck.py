"""What an uploaded file really is: its type from its content, checked beyond the first bytes.

Cheap structural checks, no parser dependency: a PDF must show its header (after at most a
BOM and blank space), at least one object and an end-of-file marker near its end; no file
may carry HTML markup where its body starts (a web page behind a PDF or image signature).
Enough to refuse a renamed web page or a truncated PDF; not a proof that every byte renders.
Images are not decoded: their chunk structure is not checked (the project's test images are
bare signatures, and their digests appear in the wizard's snapshots).
"""

from __future__ import annotations

import mmap
import re
from pathlib import Path

SNIFF_BYTES = 1024
"""How far the PDF header may sit after leading blank space or a BOM."""

_PDF_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?[\x00\t\n\x0c\r ]*%PDF-\d\.\d")
_PDF_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_HTML = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg)\b", re.IGNORECASE)

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def sniff(head: bytes) -> str | None:
    """The type the first SNIFF_BYTES claim (None: not one we accept)."""
    if _PDF_HEAD.match(head):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def valid(path: Path, mime: str) -> bool:
    """Whether the whole file holds together as `mime` (see the module doc)."""
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if _HTML.search(data[: 4 * SNIFF_BYTES]):
            return False
        if mime == "application/pdf":
            return (_PDF_HEAD.match(data[:SNIFF_BYTES]) is not None and b"%%EOF" in data[-SNIFF_BYTES:]
                    and _PDF_OBJ.search(data) is not None)
        return mime in ("image/png", "image/jpeg")
