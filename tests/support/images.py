"""Real images made with Pillow for the tests, the same bytes on every run.

Tiny PNG/JPEG files for uploads; a legible page, or noise that no JPEG squeezes, for the shrink.

The server decodes images (msa_tui/mock_server/filecheck.py), so a bare signature followed by
zeros is refused: tests upload these instead. The PNG is stored uncompressed (zlib level 0),
so its bytes depend on no zlib version: the wizard snapshots show its SHA-256.
"""

from __future__ import annotations

import io
import random
from functools import cache
from pathlib import Path

from PIL import Image


def _picture(variant: int) -> Image.Image:
    """An 8×8 colour gradient; `variant` shifts it, so that each variant's bytes differ."""
    image = Image.new("RGB", (8, 8))
    image.putdata([((x * 32 + variant * 7) % 256, (y * 32) % 256, (128 + variant * 13) % 256)
                   for y in range(8) for x in range(8)])
    return image


@cache
def png(variant: int = 0) -> bytes:
    out = io.BytesIO()
    _picture(variant).save(out, "PNG", compress_level=0)
    return out.getvalue()


@cache
def jpeg(variant: int = 0) -> bytes:
    out = io.BytesIO()
    _picture(variant).save(out, "JPEG", quality=90)
    return out.getvalue()


def page_image(path: Path, size: tuple[int, int] = (2480, 3508), *, fmt: str = "PNG", quality: int = 95) -> Path:
    """A scanned-looking page (text lines on white) in `fmt`: compresses well once in JPEG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    rng = random.Random(7)
    for top in range(size[1] // 20, size[1] - size[1] // 20, max(12, size[1] // 60)):
        left = size[0] // 12
        while left < size[0] - size[0] // 12:
            width = rng.randint(size[0] // 60, size[0] // 12)
            draw.rectangle((left, top, left + width, top + max(3, size[1] // 200)), fill=(20, 20, 20))
            left += width + size[0] // 80
    save(image, path, fmt, quality)
    return path


def noise_image(path: Path, size: tuple[int, int], *, fmt: str = "JPEG", quality: int = 95, seed: int = 3) -> Path:
    """Random pixels: the worst case for JPEG, so a small limit cannot be reached legibly."""
    from PIL import Image

    data = random.Random(seed).randbytes(size[0] * size[1] * 3)
    save(Image.frombytes("RGB", size, data), path, fmt, quality)
    return path


def save(image, path: Path, fmt: str, quality: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "JPEG":
        image.save(path, fmt, quality=quality)
    else:
        image.save(path, fmt)


def photo_page(path: Path, size: tuple[int, int] = (2000, 2800), *, quality: int = 98) -> Path:
    """A page photographed by a phone: text lines, sensor noise, saved as a heavy JPEG."""
    from PIL import Image

    page = Image.open(page_image(path.with_suffix(".tmp.png"), size)).convert("L")
    noise = Image.frombytes("L", size, random.Random(5).randbytes(size[0] * size[1]))  # seeded: same bytes each run
    photo = Image.merge("RGB", [Image.blend(page, noise, 0.06)] * 3)
    path.with_suffix(".tmp.png").unlink()
    save(photo, path, "JPEG", quality)
    return path
