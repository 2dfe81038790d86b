"""Download names: safe, dated, with the right extension, never overwriting an existing file."""

from __future__ import annotations

from datetime import UTC, datetime

from msa_tui.api.models import Document
from msa_tui.core.documents import NAME_MAX, download_name, safe_stem, unique_path


def doc(title: str, content_type: str = "application/pdf") -> Document:
    return Document(id="d", title=title, direction="received", date=datetime(2026, 10, 7, 23, 30, tzinfo=UTC),
                    content_type=content_type, size=10)


def test_name_is_dated_in_paris_time_and_keeps_accents():
    # 23:30 UTC on the 7th is already the 8th in Paris.
    assert download_name(doc("Relevé mensuel – octobre 2026")) == "2026-10-08 Relevé mensuel – octobre 2026.pdf"
    assert download_name(doc("Photo", "image/jpeg")).endswith("Photo.jpg")
    assert download_name(doc("Inconnu", "application/x-foo")).endswith(".bin")


def test_path_separators_and_control_characters_never_reach_the_name():
    assert safe_stem("../../etc/passwd") == "etc-passwd"
    assert safe_stem('a\\b:c*d?"e<f>g|h') == "a-b-c-d-e-f-g-h"
    assert safe_stem("ligne\nnouvelle\x00fin") == "ligne nouvelle fin"
    assert safe_stem(" ... ") == "document"
    assert len(safe_stem("x" * 300)) == NAME_MAX


def test_unique_path_never_overwrites(tmp_path):
    first = unique_path(tmp_path, "a.pdf")
    assert first == tmp_path / "a.pdf"
    first.write_bytes(b"1")
    second = unique_path(tmp_path, "a.pdf")
    assert second == tmp_path / "a (2).pdf"
    second.write_bytes(b"2")
    assert unique_path(tmp_path, "a.pdf") == tmp_path / "a (3).pdf"
