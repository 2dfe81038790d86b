"""The shrink rule for a photographed page over the limit: a legible JPEG copy, or a clear refusal."""

from __future__ import annotations

import stat

import pytest

from msa_tui.core.send_document.shrink import (
    MIN_LONG_SIDE, CannotShrink, Shrunk, discard_copies, offer_words, reduced_dir, reduced_name, shrink,
)
from tests.support.images import noise_image, page_image

pytestmark = pytest.mark.usefixtures("isolated_dirs")


def test_a_big_png_page_becomes_a_jpeg_within_the_limit_and_the_original_stays(tmp_path):
    original = page_image(tmp_path / "scan.png", (2480, 3508))
    before = original.read_bytes()
    limit = 400 * 1024
    result = shrink(original, limit, tmp_path / "copies")
    assert isinstance(result, Shrunk)
    assert result.size <= limit and result.path.stat().st_size == result.size
    assert result.path.read_bytes()[:3] == b"\xff\xd8\xff"
    assert max(result.width, result.height) >= MIN_LONG_SIDE
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert original.read_bytes() == before


def test_the_size_goes_down_only_when_the_quality_alone_is_not_enough(tmp_path):
    original = noise_image(tmp_path / "photo.jpg", (2400, 1800), quality=98)
    generous = shrink(original, original.stat().st_size - 1, tmp_path / "copies")
    assert isinstance(generous, Shrunk)
    assert (generous.width, generous.height) == (2400, 1800)  # quality lowered, every pixel kept


def test_the_long_side_never_goes_under_1600_pixels(tmp_path):
    original = noise_image(tmp_path / "photo.jpg", (3200, 2400), quality=95)
    result = shrink(original, 900 * 1024, tmp_path / "copies")
    assert isinstance(result, Shrunk)
    assert max(result.width, result.height) >= MIN_LONG_SIDE
    assert max(result.width, result.height) < 3200


def test_a_limit_out_of_legible_reach_is_said_and_nothing_is_made(tmp_path):
    original = noise_image(tmp_path / "photo.jpg", (2400, 1800))
    folder = tmp_path / "copies"
    result = shrink(original, 100 * 1024, folder)
    assert isinstance(result, CannotShrink)
    assert "en restant lisible" in result.reason and "1600 pixels" in result.reason
    assert "rien n'est envoyé" in result.reason
    assert not folder.exists() or not any(folder.iterdir())


def test_a_small_image_is_never_enlarged_nor_shrunk_below_its_own_size(tmp_path):
    original = noise_image(tmp_path / "small.jpg", (800, 600), quality=98)
    result = shrink(original, 50 * 1024, tmp_path / "copies")
    assert isinstance(result, CannotShrink)


def test_a_file_that_is_not_an_image_is_refused_in_words(tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"\xff\xd8\xff" + b"\0" * 5000)
    result = shrink(fake, 1000, tmp_path / "copies")
    assert isinstance(result, CannotShrink) and "comme une image" in result.reason


def test_a_transparent_png_is_flattened_on_white(tmp_path):
    from PIL import Image

    original = tmp_path / "clear.png"
    Image.new("RGBA", (1800, 1200), (0, 0, 0, 0)).save(original)
    result = shrink(original, 200 * 1024, tmp_path / "copies")
    assert isinstance(result, Shrunk)
    with Image.open(result.path) as copy:
        assert copy.getpixel((10, 10)) == (255, 255, 255)


def test_the_offer_names_both_sizes_and_the_resolution_kept(tmp_path):
    original = page_image(tmp_path / "scan.png", (2000, 2800))
    result = shrink(original, 300 * 1024, tmp_path / "copies")
    assert isinstance(result, Shrunk)
    words = offer_words("scan.png", result)
    assert f"{result.width} × {result.height} pixels" in words
    assert "1600 pixels" in words and "d'origine n'est pas modifié" in words
    assert reduced_name("scan page 1.png") == "scan page 1 (réduit).jpg"


def test_copies_live_in_a_private_folder_and_are_cleaned():
    folder = reduced_dir("send_document", "mbr-1")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    kept, dropped = folder / "a.jpg", folder / "b.jpg"
    kept.write_bytes(b"x")
    dropped.write_bytes(b"y")
    other = reduced_dir("send_document", "mbr-2") / "c.jpg"
    other.write_bytes(b"z")
    discard_copies("send_document", "mbr-1", keep={str(kept)})
    assert kept.exists() and not dropped.exists()
    discard_copies("send_document", "mbr-1")
    assert not kept.exists() and other.exists()
