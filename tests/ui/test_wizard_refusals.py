"""Bad files by keys: each refused with a French reason, before or during upload; the wizard is kept."""

from __future__ import annotations

import pytest
from tests.support.ui import make_app, wait_for
from tests.support.wizard_keys import (
    ELF, PDF, add_files_to, documents_dir, fill_document, start, step1_object, step2_prepare, step3_count,
    step_title, text, wait_step,
)

from msa_tui.core.send_document import files


@pytest.fixture
def small_server(tmp_path, pinned_today, isolated_dirs):
    """A mock server accepting files of 2 Ko at most (so "too large" needs no big file)."""
    from msa_tui.mock_server.app import create_app

    return create_app(tmp_path / "small-data", today=pinned_today, max_file_bytes=2048)


def bad_files(home):
    docs = documents_dir(home)
    for i in range(1, 7):
        (docs / f"a{i}.pdf").write_bytes(PDF + bytes([i]))
    (docs / "big.pdf").write_bytes(PDF + b"0" * 4096)
    (docs / "bin.pdf").write_bytes(ELF)
    (docs / "ctl\x1bname.pdf").write_bytes(PDF)
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "link.pdf").symlink_to(docs / "nowhere.pdf")
    (docs / "locked.pdf").write_bytes(PDF)
    return docs


async def _to_files(pilot) -> None:
    await step1_object(pilot, downs=5)
    await step2_prepare(pilot)
    await step3_count(pilot, 1)
    await wait_step(pilot, 4)
    await fill_document(pilot, nature=1, person=0, motif="Domicile")
    await pilot.press("ctrl+right")
    await wait_step(pilot, 5)


async def test_each_bad_file_refused_with_a_reason_and_nothing_lost(small_server, isolated_dirs, monkeypatch):
    bad_files(isolated_dirs)
    real = files._read_head

    def read_head(path):
        # Tests run as root, which reads chmod 000 files: refuse this one as the OS would.
        if path.name == "locked.pdf":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(files, "_read_head", read_head)
    app = make_app(small_server)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_files(pilot)
        # Tree lines: a1..a6, big, bin, ctl?name, empty, link, locked.
        await add_files_to(pilot, 0, [7, 8, 9, 10, 11, 12])
        refusals = text(app, "#refusals")
        assert "« big.pdf » pèse 4 Ko : la taille maximale est 2 Ko" in refusals
        assert "« bin.pdf » est un programme exécutable" in refusals
        assert "caractères de contrôle" in refusals and "\x1b" not in refusals
        assert "« empty.pdf » est vide" in refusals
        assert "« link.pdf » est un lien vers un fichier qui n'existe pas" in refusals
        assert "« locked.pdf » n'est pas lisible" in refusals
        assert app.screen.wizard.documents[0].files == []
        await add_files_to(pilot, 0, [1, 2, 3, 4, 5, 6])
        assert [f.name for f in app.screen.wizard.documents[0].files] == [f"a{i}.pdf" for i in range(1, 6)]
        assert "« a6.pdf » : un document compte au plus 5 fichiers" in text(app, "#refusals")
        assert app.screen.wizard.documents[0].motif == "Domicile"
        # Reorder and remove by keys.
        app.screen.query_one("#files-0").focus()
        await pilot.pause()
        await pilot.press("alt+down")
        await pilot.pause()
        assert [f.name for f in app.screen.wizard.documents[0].files][:2] == ["a2.pdf", "a1.pdf"]
        await pilot.press("delete")
        await pilot.pause()
        assert [f.name for f in app.screen.wizard.documents[0].files] == ["a2.pdf", "a3.pdf", "a4.pdf", "a5.pdf"]


async def test_file_changed_or_gone_before_upload_is_refused_and_kept(server_app, isolated_dirs):
    docs = bad_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_files(pilot)
        await add_files_to(pilot, 0, [1, 2, 3])
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        await wait_for(pilot, lambda: all(f.sha256 for f in app.screen.wizard.documents[0].files))
        (docs / "a1.pdf").write_bytes(PDF + b"changed after choosing")
        (docs / "a2.pdf").unlink()
        await pilot.press("space")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: "a disparu" in text(app, "#send-problems"), rounds=500)
        problems = text(app, "#send-problems")
        assert "« a1.pdf » a été modifié depuis que vous l'avez choisi" in problems
        assert "« a2.pdf » a disparu" in problems
        assert "n'ont pas pu être envoyés" in text(app, "#send-status")
        wiz = app.screen.wizard
        assert [f.status.value for f in wiz.documents[0].files] == ["failed", "failed", "uploaded"]
        # Back to the files: replace them; nothing else was lost.
        await pilot.press("ctrl+left")
        await wait_step(pilot, 6)
        await pilot.press("ctrl+left")
        await wait_step(pilot, 5)
        assert step_title(app).startswith("Étape 5/7")
        assert wiz.documents[0].motif == "Domicile" and len(wiz.documents[0].files) == 3


async def test_an_image_the_server_refuses_is_named_with_its_reason(server_app, isolated_dirs):
    from tests.support.images import png

    docs = documents_dir(isolated_dirs)
    (docs / "a1.pdf").write_bytes(PDF)
    (docs / "b-coupe.png").write_bytes(png()[:-30])  # a PNG signature, the end cut off: only the server sees it
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_files(pilot)
        await add_files_to(pilot, 0, [1, 2])
        assert [f.name for f in app.screen.wizard.documents[0].files] == ["a1.pdf", "b-coupe.png"]
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        await pilot.press("space", "ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: "b-coupe.png" in text(app, "#send-problems"), rounds=500)
        assert ("« b-coupe.png » : Ce fichier n'est pas une image valide (il est incomplet ou d'un autre type)"
                in text(app, "#send-problems").replace("\n", " "))
        assert "n'ont pas pu être envoyés" in text(app, "#send-status")
        assert [f.status.value for f in app.screen.wizard.documents[0].files] == ["uploaded", "failed"]
