"""The whole send-a-document path by keys: two documents, three files, receipt, PDF, one submission."""

from __future__ import annotations


from msa_tui.core import paths
from msa_tui.core.drafts import load_draft
from tests.support.ui import make_app, wait_for
from tests.support.wizard_keys import (
    add_files_to, fill_document, sample_files, start, step1_object, step2_prepare, step3_count,
    step_title, text, wait_step,
)


async def test_happy_path_two_documents_three_files(server_app, isolated_dirs, logged_client):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        assert step_title(app) == "Étape 1/7 — Objet de la demande"
        await step1_object(pilot, downs=5)  # Changement de situation
        await step2_prepare(pilot)
        await step3_count(pilot, 2)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=1, person=0, motif="Demenagement")
        await fill_document(pilot, nature=2, person=1, motif="Revenus 2025")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        await add_files_to(pilot, 0, [1, 2])   # a-facture.pdf, b-page1.png
        await add_files_to(pilot, 1, [3])      # c-page2.pdf
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        recap = text(app, "#recap-text")
        assert "Changement de situation" in recap and "a-facture.pdf" in recap and "c-page2.pdf" in recap
        await pilot.press("space")  # the attestation checkbox has focus
        await pilot.press("ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=500)
        shown = "\n".join(str(w.render()) for w in app.screen.query("#receipt-view Static"))
        assert "Référence" in shown and "SHA-256" in shown and "b-page1.png" in shown
        path_line = text(app, "#receipt-path")
        pdf = paths.downloads_dir() / path_line.split(" : ", 1)[1].rsplit("/", 1)[1]
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
        # The draft goes when Finished is handled, just after the receipt is drawn.
        await wait_for(pilot, lambda: load_draft("send_document", app.me.id) is None)
    sent = await logged_client.documents(direction="sent")
    refs = [d.submission_reference for d in sent.items if d.submission_reference]
    assert any(r in path_line for r in refs)
