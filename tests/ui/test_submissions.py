"""« Mes envois » by keys: the sendings newest first, a receipt shown and saved again, found after a new login."""

from __future__ import annotations

import io

import pypdf

from msa_tui.core.paths import downloads_dir
from tests.support.navigation import go_to
from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.ui.test_declarations import open_form
from tests.ui.test_requests import options

L_232_3 = "L. 232-3 du code des relations entre le public et l'administration"


def receipt_words(app) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query("#receipt-view Static"))


async def open_list(pilot, count: int) -> None:
    await go_to(pilot, "submissions")
    await wait_for(pilot, lambda: len(options(pilot.app, "#submissions")) == count)


async def test_a_receipt_is_shown_again_and_saved_again_as_pdf(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await open_list(pilot, 2)
        first, second = options(app, "#submissions")
        assert "Réf. MSA-2026-000041" in first and "1 fichier : avis-d-imposition-copie.pdf" in first
        assert "Changement de situation" in second and "Réputé accepté (décision implicite)" in second
        await pilot.press("down", "enter")
        await wait_screen(pilot, "ReceiptScreen")
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"))
        words = receipt_words(app)
        assert "Référence : MSA-2025-000213" in words
        assert "Envoyé par : Pierre Martin\nNuméro de sécurité sociale : 1 85 07 12 345 678" in words
        assert "Personne concernée : Pierre Martin (vous-même)" in words
        assert "Nature : Relevé d'identité bancaire (RIB)" in words
        assert words.count(L_232_3) == 1 and words.count("réputée acceptée") == 1
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen.saved is not None)
        path = app.screen.saved
    assert path.parent == downloads_dir() and path.name == "accuse-reception-MSA-2025-000213.pdf"
    assert path.stat().st_mode & 0o777 == 0o600
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("L. 232-3") == 1 and "1 85 07 12 345 678" in text


async def test_a_receipt_is_found_again_after_logout_and_login(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await pilot.press("ctrl+s")  # the pre-filled amounts as they are
        await wait_for(pilot, lambda: app.screen.query_one("#declaration-recap").display)
        await pilot.press("space", "ctrl+s")
        await wait_screen(pilot, "ReceiptScreen")
        await wait_for(pilot, lambda: app.screen.receipt is not None)
        reference = app.screen.receipt.reference
        await pilot.press("ctrl+l")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.me is None)
        await login(pilot)
        await open_list(pilot, 3)
        assert f"Réf. {reference}" in options(app, "#submissions")[0]
        assert "Aucun fichier (déclaration en ligne)" in options(app, "#submissions")[0]
        await pilot.press("enter")
        await wait_screen(pilot, "ReceiptScreen")
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"))
        assert f"Référence : {reference}" in receipt_words(app)
        assert "Déclaration trimestrielle de ressources – Prime d'activité, 3e trimestre 2026" in receipt_words(app)


async def test_mes_envois_is_one_key_away_from_the_declarations(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "declarations")
        await pilot.press("v")
        await wait_screen(pilot, "SubmissionsScreen")
        await wait_for(pilot, lambda: len(options(app, "#submissions")) == 2)
