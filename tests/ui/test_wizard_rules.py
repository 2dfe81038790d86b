"""Wizard rules by keys: medical stop, unticked attestation, going back keeps data, resume after a kill."""

from __future__ import annotations

from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.support.wizard_keys import (
    add_files_to, fill_document, open_wizard, sample_files, start, step1_object, step2_prepare, step3_count,
    one_document_to_recap, step_title, text, wait_step,
)

from msa_tui.core.drafts import load_draft
from tests.support.members import DEMO_NIR, DEMO_PASSWORD, SOPHIE


async def _to_details(pilot, count: int = 1) -> None:
    await step1_object(pilot, downs=5)
    await step2_prepare(pilot)
    await step3_count(pilot, count)
    await wait_step(pilot, 4)


async def test_medical_nature_stops_with_service_medical_address(server_app, logged_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_details(pilot)
        await fill_document(pilot, nature=9, person=0, motif="Arret")  # Certificat médical
        await wait_for(pilot, lambda: "Adresse du service médical" in text(app, "#medical-0"))
        stop = text(app, "#medical-0")
        assert "courrier postal" in stop and "Service médical" in stop
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert step_title(app).startswith("Étape 4/7")
        assert "informations médicales" in text(app, "#wizard-errors")
    # The server refuses them too.
    from msa_tui.api.errors import MedicalDocument
    from msa_tui.api.models import DocumentSpec, SubmissionCreate

    me = await logged_client.me()
    try:
        await logged_client.create_submission(SubmissionCreate(object="sante", documents=[
            DocumentSpec(nature="certificat_medical", person_id=me.id, motif="x")]))
    except MedicalDocument as error:
        assert "Montauban" in error.message or "postal" in error.message
    else:
        raise AssertionError("the server accepted a medical document")


async def test_unticked_attestation_blocks_sending(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_details(pilot)
        await one_document_to_recap(pilot, "Domicile")
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert step_title(app).startswith("Étape 6/7")
        assert "Cochez l'attestation" in text(app, "#wizard-errors")
        await pilot.press("space", "space")  # ticked, then unticked again
        await pilot.press("ctrl+right")
        await pilot.pause()
        assert step_title(app).startswith("Étape 6/7")
    assert not [d for d in (await _sent(server_app))]


async def _sent(server_app):
    from tests.support.api import asgi_client

    api = asgi_client(server_app)
    try:
        await api.login(DEMO_NIR, DEMO_PASSWORD)
        page = await api.documents(direction="sent")
        return [d for d in page.items if d.submission_reference and d.date.year == 2026 and d.date.month == 11
                and d.date.day >= 15 and "ENV" in d.submission_reference]
    finally:
        await api.aclose()


async def test_going_back_keeps_what_was_entered(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_details(pilot, count=2)
        await fill_document(pilot, nature=1, person=0, motif="Domicile")
        await fill_document(pilot, nature=2, person=1, motif="Impots")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        await add_files_to(pilot, 0, [1, 2])
        before = app.screen.wizard.to_dict()
        for k in (4, 3, 2, 1):
            await pilot.press("ctrl+left")
            await wait_step(pilot, k)
        assert app.screen.query_one("#object-changement_situation").value
        for k in (2, 3, 4, 5):
            await pilot.press("ctrl+right")
            await wait_step(pilot, k)
        assert app.screen.wizard.to_dict() == before
        assert "a-facture.pdf" in str(app.screen.query_one("#files-0").get_option_at_index(0).prompt)
        await pilot.press("ctrl+left")
        await wait_step(pilot, 4)
        assert app.screen.query_one("#motif-1").value == "Impots"
        assert app.screen.query_one("#nature-1").value == "avis_imposition"


async def test_resume_after_the_app_is_killed(server_app, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await _to_details(pilot, count=2)
        await fill_document(pilot, nature=1, person=0, motif="Domicile")
        member = app.me.id
    # The run ended without leaving the wizard: all that remains is the draft on disk.
    draft = load_draft("send_document", member)
    assert draft and draft["step"] == 4 and draft["documents"][0]["motif"] == "Domicile"
    assert DEMO_PASSWORD not in str(draft) and DEMO_NIR not in str(draft)
    app2 = make_app(server_app)
    async with app2.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("c")
        await wait_screen(pilot, "ContactScreen")
        await pilot.press("e")
        await wait_screen(pilot, "ResumeDialog")
        assert "Étape 4/7" in str(app2.screen.query_one("#resume-summary").render())
        await pilot.press("o")
        await wait_screen(pilot, "SendDocumentScreen")
        await wait_step(pilot, 4)
        assert app2.screen.query_one("#motif-0").value == "Domicile"
        assert app2.screen.query_one("#nature-0").value == "justificatif_domicile"
        assert app2.screen.wizard.count == 2


async def test_refusing_to_resume_discards_the_draft(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await step1_object(pilot, downs=2)
        await wait_step(pilot, 2)
        member = app.me.id
    assert load_draft("send_document", member)["object"] == "logement"
    app2 = make_app(server_app)
    async with app2.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("c")
        await wait_screen(pilot, "ContactScreen")
        await pilot.press("e")
        await wait_screen(pilot, "ResumeDialog")
        await pilot.press("n")
        await wait_step(pilot, 1)
        assert app2.screen.wizard.object is None
    assert load_draft("send_document", member) is None  # a blank wizard is no draft


async def test_another_member_never_sees_the_draft(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await step1_object(pilot, downs=2)
        await wait_step(pilot, 2)
    app2 = make_app(server_app)
    async with app2.run_test(size=(80, 24)) as pilot:
        await login(pilot, nir=SOPHIE)
        await open_wizard(pilot)
        await wait_step(pilot, 1)
        assert type(app2.screen).__name__ == "SendDocumentScreen"
        assert app2.screen.wizard.object is None
