"""Small real PNG and JPEG images for the tests, the same bytes on every run.

The server decodes images (msa_tui/mock_server/filecheck.py), so a bare signature followed by
zeros is refused: tests upload these instead. The PNG is stored uncompressed (zlib level 0),
so its bytes depend on no zlib version: the wizard snapshots show its SHA-256.
"""

from __future__ import annotations

import io
from functools import cache

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
