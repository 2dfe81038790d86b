"""What an uploaded file really is: its type from its content, checked beyond the first bytes.

A PDF must show its header (after at most a BOM and blank space), at least one object and
an end-of-file marker near its end (cheap structural checks, no PDF parser). No file may
carry HTML markup where its body starts (a web page behind a PDF or image signature).
Images are opened with Pillow: the PNG chunks' checksums are verified, then the image is
decoded (a JPEG at 1/8 scale: the whole stream is still read), so a truncated or corrupted
image, or one without its end marker, is refused. Above MAX_IMAGE_PIXELS an image is
refused before decoding (a few kilobytes of PNG can claim gigabytes of pixels).
"""

from __future__ import annotations

import enum
import mmap
import re
from pathlib import Path

SNIFF_BYTES = 1024
"""How far the PDF header may sit after leading blank space or a BOM."""

_PDF_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?[\x00\t\n\x0c\r ]*%PDF-\d\.\d")
_PDF_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_HTML = re.compile(rb"<\s*(?:!doctype|html|head|body|script|iframe|svg)\b", re.IGNORECASE)

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

MAX_IMAGE_PIXELS = 50_000_000
"""An A4 page scanned at 600 dpi is 35 million pixels; decoding 50 million RGB pixels takes 150 MB."""

_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}


class Verdict(enum.Enum):
    valid = "valid"
    broken = "broken"
    """Incomplete, corrupted, or another type behind the signature."""
    too_many_pixels = "too_many_pixels"


def sniff(head: bytes) -> str | None:
    """The type the first SNIFF_BYTES claim (None: not one we accept)."""
    if _PDF_HEAD.match(head):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def check(path: Path, mime: str) -> Verdict:
    """Whether the whole file holds together as `mime` (see the module doc)."""
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if _HTML.search(data[: 4 * SNIFF_BYTES]):
            return Verdict.broken
        if mime == "application/pdf":
            whole = (_PDF_HEAD.match(data[:SNIFF_BYTES]) is not None and b"%%EOF" in data[-SNIFF_BYTES:]
                     and _PDF_OBJ.search(data) is not None)
            return Verdict.valid if whole else Verdict.broken
    if mime in _PILLOW_FORMATS:
        return _check_image(path, _PILLOW_FORMATS[mime])
    return Verdict.broken


def _check_image(path: Path, pillow_format: str) -> Verdict:
    from PIL import Image

    try:
        with Image.open(path, formats=[pillow_format]) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return Verdict.too_many_pixels
            image.verify()  # PNG: every chunk's checksum, up to the end chunk (JPEG: nothing)
        with Image.open(path, formats=[pillow_format]) as image:
            image.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # JPEG: decode at 1/8 scale
            image.load()  # a stream cut short or corrupted fails here
    except Image.DecompressionBombError:  # Pillow's own limit (above ours) stops it while opening
        return Verdict.too_many_pixels
    except Exception:  # noqa: BLE001 - Pillow reports a bad file by many exception types; all mean "broken"
        return Verdict.broken
    return Verdict.valid
