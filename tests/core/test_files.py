"""File checks: type by content, size, count, empty, dir, unreadable, links, names, changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.support.wizard_data import ELF, JPEG, MZ, PDF, PNG, constraints, write

from msa_tui.core.send_document import files
from msa_tui.core.send_document.files import (
    Refusal,
    changed_reason,
    check_batch,
    check_file,
    ensure_hash,
    human_size,
    sniff_type,
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


def test_sniff_by_magic_bytes():
    assert sniff_type(PDF) == "application/pdf"
    assert sniff_type(PNG) == "image/png"
    assert sniff_type(JPEG) == "image/jpeg"
    assert sniff_type(ELF) is None


def test_accepts_pdf_png_jpeg_with_fingerprint(home):
    cases = [("a.pdf", PDF, "application/pdf"), ("b.png", PNG, "image/png"), ("c.jpg", JPEG, "image/jpeg")]
    for name, data, mime in cases:
        result = check_file(write(home / name, data), constraints(), home=home)
        assert not isinstance(result, Refusal), result
        assert result.content_type == mime and result.size == len(data) and result.mtime_ns > 0


def test_content_decides_not_the_name(home):
    png_named_pdf = check_file(write(home / "scan.pdf", PNG), constraints(), home=home)
    assert png_named_pdf.content_type == "image/png"


@pytest.mark.parametrize("data", [ELF, MZ])
def test_renamed_executable_refused(home, data):
    result = check_file(write(home / "facture.pdf", data), constraints(), home=home)
    assert isinstance(result, Refusal)
    assert "programme exécutable" in result.reason and "PDF, JPEG, PNG" in result.reason


def test_unknown_content_refused(home):
    result = check_file(write(home / "notes.pdf", b"hello world"), constraints(), home=home)
    assert "n'a pas le contenu d'un type accepté" in result.reason


def test_type_not_allowed_by_server(home):
    result = check_file(write(home / "a.png", PNG), constraints(allowed_types=["application/pdf"]), home=home)
    assert "de type PNG, non accepté" in result.reason


def test_too_large(home):
    result = check_file(write(home / "big.pdf", PDF + b"0" * 2000), constraints(), home=home)
    assert isinstance(result, Refusal) and "la taille maximale est 1 Ko" in result.reason


def test_empty(home):
    assert "est vide" in check_file(write(home / "e.pdf", b""), constraints(), home=home).reason


def test_directory(home):
    (home / "scans").mkdir()
    assert "est un dossier" in check_file(home / "scans", constraints(), home=home).reason


def test_fifo_is_not_a_regular_file(home):
    os.mkfifo(home / "pipe.pdf")
    assert "pas un fichier ordinaire" in check_file(home / "pipe.pdf", constraints(), home=home).reason


def test_unreadable(home, monkeypatch):
    # Tests run as root, which reads even chmod 000 files: simulate the refusal of open().
    path = write(home / "secret.pdf", PDF)

    def denied(p):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "_read_head", denied)
    assert "n'est pas lisible" in check_file(path, constraints(), home=home).reason


def test_missing(home):
    assert "introuvable" in check_file(home / "gone.pdf", constraints(), home=home).reason


def test_broken_symlink(home):
    (home / "link.pdf").symlink_to(home / "nowhere.pdf")
    assert "lien vers un fichier qui n'existe pas" in check_file(home / "link.pdf", constraints(), home=home).reason


def test_symlink_inside_home_is_followed(home):
    target = write(home / "real.pdf", PDF)
    (home / "alias.pdf").symlink_to(target)
    result = check_file(home / "alias.pdf", constraints(), home=home)
    assert result.path == str(target.resolve()) and result.link == str(home / "alias.pdf")
    assert result.name == "alias.pdf"


def test_symlink_outside_home_refused_but_direct_pick_allowed(home, tmp_path):
    outside = write(tmp_path / "usb.pdf", PDF)
    (home / "usb-link.pdf").symlink_to(outside)
    result = check_file(home / "usb-link.pdf", constraints(), home=home)
    assert isinstance(result, Refusal) and "hors de votre dossier personnel" in result.reason
    assert not isinstance(check_file(outside, constraints(), home=home), Refusal)


@pytest.mark.parametrize("name", ["bad\x1bname.pdf", "tab\tname.pdf", "rtl\u202efdp.exe", "nl\nname.pdf"])
def test_control_characters_in_name(home, name):
    path = write(home / name, PDF)
    result = check_file(path, constraints(), home=home)
    assert isinstance(result, Refusal) and "caractères de contrôle" in result.reason
    assert "\x1b" not in result.reason and "\n" not in result.reason


def test_batch_caps_count_and_duplicates(home):
    paths = [write(home / f"p{i}.pdf", PDF + bytes([i])) for i in range(5)]
    accepted, refused = check_batch(paths[:2], constraints(), [])
    assert len(accepted) == 2 and not refused
    more, refused = check_batch([paths[0], *paths[2:]], constraints(), accepted)
    assert [f.name for f in more] == ["p2.pdf"]
    assert "déjà joint" in refused[0].reason
    assert all("au plus 3 fichiers" in r.reason for r in refused[1:]) and len(refused) == 3


def test_change_detection(home):
    path = write(home / "a.pdf", PDF)
    chosen = check_file(path, constraints(), home=home)
    assert changed_reason(chosen) is None
    os.utime(path, ns=(chosen.mtime_ns + 10**9, chosen.mtime_ns + 10**9))
    assert "a été modifié" in changed_reason(chosen)  # no hash known yet: be safe
    chosen = check_file(path, constraints(), home=home)
    ensure_hash(chosen)
    os.utime(path, ns=(chosen.mtime_ns + 10**9, chosen.mtime_ns + 10**9))
    assert changed_reason(chosen) is None  # touched only: same content
    path.write_bytes(PDF + b"more")
    assert "a été modifié" in changed_reason(chosen)
    path.unlink()
    assert "a disparu" in changed_reason(chosen)


def test_human_size_french():
    assert human_size(512) == "512 o"
    assert human_size(1536) == "1,5 Ko"
    assert human_size(10 * 1024 * 1024) == "10 Mo"
