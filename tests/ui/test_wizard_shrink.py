"""A photographed page over the size limit, by keys: a reduced copy offered with its size, joined and sent,
the original untouched and the copy cleaned; or, when no legible copy fits, said and nothing joined."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from msa_tui.core.send_document.files import human_size
from msa_tui.core.send_document.shrink import reduced_dir
from tests.support.images import noise_image, photo_page
from tests.support.ui import make_app, wait_for, wait_screen
from tests.support.wizard_keys import add_files_to, documents_dir, start, text, wait_step
from tests.ui.test_wizard_refusals import _to_files

LIMIT = 300_000


@pytest.fixture
def small_server(tmp_path, pinned_today, isolated_dirs):
    from msa_tui.mock_server.app import create_app

    return create_app(tmp_path / "small-data", today=pinned_today, max_file_bytes=LIMIT)


@pytest.fixture
def photos(isolated_dirs):
    docs = documents_dir(isolated_dirs)
    return {"noise": noise_image(docs / "bruit.png", (1700, 1200), fmt="PNG"),
            "scan": photo_page(docs / "scan.jpg", (2000, 2800))}


async def test_a_heavy_photo_is_offered_a_shrink_then_sent(small_server, photos):
    original = photos["scan"].read_bytes()
    assert len(original) > LIMIT
    app = make_app(small_server)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_files(pilot)
        await add_files_to(pilot, 0, [2], then="ShrinkDialog")
        offer = str(app.screen.query_one("#shrink-offer", Static).render())
        assert f"« scan.jpg » pèse {human_size(len(original))}" in offer
        assert "Une copie réduite en JPEG pèserait" in offer
        assert "1600 pixels" in offer and "d'origine n'est pas modifié" in offer
        await pilot.press("o")
        await wait_screen(pilot, "SendDocumentScreen")
        wizard = app.screen.wizard
        await wait_for(pilot, lambda: wizard.documents[0].files)
        copy = wizard.documents[0].files[0]
        assert copy.name == "scan (réduit).jpg" and copy.size <= LIMIT and copy.content_type == "image/jpeg"
        assert copy.path.startswith(str(reduced_dir("send_document", wizard.member_id)))
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        await pilot.press("space")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=1000)
        assert not list(reduced_dir("send_document", wizard.member_id).iterdir())  # sent: the copy is gone
    assert photos["scan"].read_bytes() == original


async def test_a_shrink_that_cannot_stay_legible_is_said_and_nothing_joined(small_server, photos):
    app = make_app(small_server)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_files(pilot)
        await add_files_to(pilot, 0, [1])
        await wait_for(pilot, lambda: "rien n'est envoyé" in text(app, "#refusals"))
        said = text(app, "#refusals")
        assert "« bruit.png » ne peut pas descendre sous 293 Ko en restant lisible" in said
        assert "1600 pixels" in said
        assert app.screen.wizard.documents[0].files == []
        assert not app.screen.query("ShrinkDialog")
