"""Shrinking a photographed page that is over the upload limit: a JPEG copy, still legible (no Textual).

The rule: the copy is a JPEG whose long side keeps at least `MIN_LONG_SIDE` pixels (1600 px:
about 140 dpi on an A4 page, enough to read body text) and whose quality stays at or above
`MIN_QUALITY`; an image already smaller than that keeps its own size. Quality is lowered first,
then the size, step by step, until the copy fits the limit. When even the smallest legible copy
is over the limit, nothing is made and the member is told so.

The original is only read. The copy is written, private (0600), in a folder of our own
(`reduced_dir`), and removed when its sending is done or dropped (`discard_copies`).
"""

from __future__ import annotations

import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from .files import display_name, human_size

MIN_LONG_SIDE = 1600
"""Pixels on the long side below which a page stops being legible (≈ 140 dpi on A4)."""
MIN_QUALITY = 50
"""JPEG quality below which the compression blurs small print."""
QUALITIES = (85, 75, 65, MIN_QUALITY)
SCALE_STEP = 0.85
SHRINKABLE = ("image/jpeg", "image/png")
MAX_PIXELS = 80_000_000
"""An image claiming more pixels than this is not opened (a decompression bomb, not a photo)."""

LEGIBILITY_WORDS = "au moins {px} pixels sur le grand côté, soit environ 140 points par pouce sur une page A4"


@dataclass(frozen=True)
class Shrunk:
    """A copy within the limit: where it is, its size and pixel dimensions."""

    path: Path
    size: int
    width: int
    height: int
    original_size: int


@dataclass(frozen=True)
class CannotShrink:
    """Why no legible copy within the limit could be made (French)."""

    reason: str


def reduced_name(name: str) -> str:
    """"scan page 1.png" → "scan page 1 (réduit).jpg": the member sees it is the reduced copy."""
    return f"{Path(name).stem} (réduit).jpg"


def _encode(image, quality: int) -> bytes:  # image: PIL.Image.Image (Pillow imported lazily)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _flat_rgb(image):
    """RGB on a white page: transparency (a PNG scan) would turn black in a JPEG."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        page = Image.new("RGB", rgba.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
        return page
    return image.convert("L" if image.mode in ("1", "L", "I;16") else "RGB")


def smallest_legible_side(long_side: int) -> int:
    """The long side a copy may not go under: MIN_LONG_SIDE, or the image's own when smaller."""
    return min(long_side, MIN_LONG_SIDE)


def fit(data_source: Path, limit: int) -> tuple[bytes, int, int] | None:
    """The first JPEG encoding within `limit` bytes (quality first, then size), or None."""
    from PIL import Image, ImageOps

    with Image.open(data_source) as opened:
        if opened.width * opened.height > MAX_PIXELS:
            return None
        image = _flat_rgb(ImageOps.exif_transpose(opened))
    width, height = image.size
    floor = smallest_legible_side(max(width, height))
    scale = 1.0
    while True:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        resized = image if scale == 1.0 else image.resize(size, Image.Resampling.LANCZOS)
        # The lowest quality first: when even it is over, the better ones are too (one encoding per step).
        lowest = _encode(resized, MIN_QUALITY)
        if len(lowest) <= limit:
            for quality in QUALITIES[:-1]:
                data = _encode(resized, quality)
                if len(data) <= limit:
                    return data, size[0], size[1]
            return lowest, size[0], size[1]
        if max(size) <= floor:
            return None
        # Bytes grow about with the pixels: aim just under the limit, at least one step down, never
        # under the legible floor (tried last, exactly).
        aimed = scale * min(SCALE_STEP, 0.95 * (limit / len(lowest)) ** 0.5)
        scale = max(aimed, floor / max(width, height))


def shrink(source: Path, limit: int, folder: Path, *, name: str | None = None) -> Shrunk | CannotShrink:
    """A legible JPEG copy of `source` within `limit` bytes, written in `folder`; `source` is untouched."""
    from PIL import Image, UnidentifiedImageError

    shown = display_name(name or source.name)
    try:
        original_size = source.stat().st_size
        found = fit(source, limit)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return CannotShrink(f"« {shown} » n'a pas pu être lu comme une image : il ne peut pas être réduit.")
    if found is None:
        return CannotShrink(
            f"« {shown} » ne peut pas descendre sous {human_size(limit)} en restant lisible "
            f"({LEGIBILITY_WORDS.format(px=MIN_LONG_SIDE)}) : il n'est pas joint, rien n'est envoyé. "
            "Numérisez la page en noir et blanc ou à une résolution plus basse, puis joignez-la à nouveau.")
    data, width, height = found
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.jpg"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return Shrunk(path=path, size=len(data), width=width, height=height, original_size=original_size)


def offer_words(name: str, shrunk: Shrunk) -> str:
    """What the offer says: the sizes before and after, the pixels kept, the original untouched."""
    return (
        f"« {display_name(name)} » pèse {human_size(shrunk.original_size)}, au-dessus de la limite. "
        f"Une copie réduite en JPEG pèserait {human_size(shrunk.size)} ({shrunk.width} × {shrunk.height} pixels). "
        f"Pour rester lisible, la copie garde {LEGIBILITY_WORDS.format(px=MIN_LONG_SIDE)}. "
        "Votre fichier d'origine n'est pas modifié."
    )


def _reduced_path(kind: str, owner: str) -> Path:
    import hashlib

    from .. import paths

    base = paths.kiosk_private_dir() or paths.drafts_dir()
    # Hashed: ids come from the server, and one member's clean-up never touches another's copies.
    return base / "reduced" / hashlib.sha256(f"{kind}\0{owner}".encode()).hexdigest()[:24]


def reduced_dir(kind: str, owner: str) -> Path:
    """The private folder of the reduced copies of one member's draft (`kind`): with the drafts, or in
    the kiosk session's folder (emptied at logout) on a shared desk. Made when a copy is."""
    folder = _reduced_path(kind, owner)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def discard_copies(kind: str, owner: str, keep: set[str] | None = None) -> None:
    """Remove the reduced copies of a draft (but those in `keep`): sent, dropped or no longer attached.
    (Creates nothing: a draft that never had a copy leaves no folder behind.)"""
    for copy in _reduced_path(kind, owner).glob("*.jpg"):
        if keep is None or str(copy) not in keep:
            copy.unlink(missing_ok=True)
