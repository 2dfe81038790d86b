"""The wizard state machine: steps, French validation, back/forward keeping data, drafts round-trip."""

from __future__ import annotations

import json

import pytest
from tests.support.wizard_data import PEOPLE, constraints, receipt

from msa_tui.core.send_document.wizard import (
    MEDICAL_RULE,
    ChosenFile,
    FileStatus,
    Step,
    Wizard,
    WizardLocked,
)


def chosen(name="a.pdf", **over) -> ChosenFile:
    base = dict(path=f"/tmp/{name}", name=name, size=10, mtime_ns=1, content_type="application/pdf")
    base.update(over)
    return ChosenFile(**base)


def filled() -> Wizard:
    wiz = Wizard("m1", constraints(), PEOPLE)
    wiz.set_object("changement_situation")
    assert wiz.next() == []
    assert wiz.next() == []
    wiz.set_count(2)
    assert wiz.next() == []
    wiz.set_document(0, nature="justificatif_domicile", person_id="m1", motif="Déménagement")
    wiz.set_document(1, nature="avis_imposition", person_id="h1", motif="Ressources 2025")
    assert wiz.next() == []
    wiz.add_files(0, [chosen("a.pdf"), chosen("b.png", content_type="image/png")])
    wiz.add_files(1, [chosen("c.pdf")])
    assert wiz.next() == []
    assert wiz.step is Step.RECAP
    return wiz


def test_title_shows_step_and_count():
    wiz = Wizard("m1", constraints(), PEOPLE)
    assert wiz.title == "Étape 1/7 — Objet de la demande"


def test_object_is_required_and_must_be_known():
    wiz = Wizard("m1", constraints(), PEOPLE)
    assert wiz.next() == ["Choisissez l'objet de votre demande."]
    wiz.set_object("inconnu")
    assert wiz.next() and wiz.step is Step.OBJECT


def test_count_bounds_come_from_server():
    wiz = Wizard("m1", constraints(max_documents=2), PEOPLE)
    wiz.set_object("changement_situation")
    wiz.next(), wiz.next()
    wiz.set_count(3)
    assert wiz.next() == ["Le nombre de documents doit être compris entre 1 et 2."]
    wiz.set_count(0)
    assert wiz.next()


def test_details_each_field_required_with_document_number():
    wiz = filled()
    wiz.back(), wiz.back()
    assert wiz.step is Step.DETAILS
    wiz.set_document(1, motif="   ")
    assert wiz.next() == ["Document 2 : indiquez le motif de l'envoi."]
    wiz.set_document(1, motif="x" * 41)
    assert wiz.next() == ["Document 2 : le motif compte 41 caractères, 40 au plus."]
    wiz.set_document(1, motif="ok", person_id="stranger")
    assert wiz.next() == ["Document 2 : choisissez la personne concernée."]


def test_medical_nature_stops_at_details():
    wiz = filled()
    wiz.back(), wiz.back()
    wiz.set_document(0, nature="certificat_medical")
    problems = wiz.next()
    assert problems == [f"Document 1 : {MEDICAL_RULE}"]
    assert wiz.step is Step.DETAILS
    assert wiz.medical_documents() == [0]


def test_files_required_and_capped():
    wiz = filled()
    wiz.back()
    wiz.remove_file(1, 0)
    assert wiz.next() == ["Document 2 : ajoutez au moins un fichier."]


def test_attestation_required_to_leave_recap():
    wiz = filled()
    assert wiz.next() == ["Cochez l'attestation sur l'honneur pour pouvoir envoyer."]
    wiz.set_attestation(True)
    assert wiz.next() == [] and wiz.step is Step.SEND


def test_back_and_forth_keeps_everything():
    wiz = filled()
    before = wiz.to_dict()
    for _ in range(5):
        assert wiz.back()
    assert wiz.step is Step.OBJECT and not wiz.back()
    for _ in range(5):
        assert wiz.next() == []
    assert wiz.to_dict() == before


def test_lowering_count_keeps_the_tail_for_later():
    wiz = filled()
    wiz.set_count(1)
    assert len(wiz.active_documents) == 1
    wiz.set_count(2)
    assert wiz.documents[1].motif == "Ressources 2025"


def test_move_and_remove_files():
    wiz = filled()
    assert wiz.move_file(0, 0, +1) == 1
    assert [f.name for f in wiz.documents[0].files] == ["b.png", "a.pdf"]
    assert wiz.move_file(0, 1, +1) == 1  # already last
    wiz.remove_file(0, 0)
    assert [f.name for f in wiz.documents[0].files] == ["a.pdf"]


def test_round_trip_through_json():
    wiz = filled()
    wiz.set_attestation(True)
    wiz.documents[0].files[0].status = FileStatus.uploaded
    wiz.documents[0].files[0].file_id = "f9"
    wiz.documents[0].files[1].status = FileStatus.uploading
    wiz.submission_id = "s1"
    data = json.loads(json.dumps(wiz.to_dict()))
    back = Wizard.from_dict(data, constraints(), PEOPLE)
    assert back.to_dict()["documents"] == data["documents"]
    assert back.idempotency_key == wiz.idempotency_key
    assert back.step is Step.RECAP and back.attestation and back.submission_id == "s1"
    # an upload cut by a crash is pending again
    assert back.documents[0].files[1].status is FileStatus.pending
    assert [f.name for _, _, f in back.files_to_upload()] == ["b.png", "c.pdf"]


def test_from_dict_refuses_foreign_drafts():
    with pytest.raises(ValueError):
        Wizard.from_dict({"kind": "other", "version": 1}, constraints(), PEOPLE)
    with pytest.raises(ValueError):
        Wizard.from_dict({"kind": "send_document", "version": 1}, constraints(), PEOPLE)


def test_idempotency_key_generated_once_and_kept():
    wiz = filled()
    key = wiz.idempotency_key
    wiz.set_document(0, motif="autre")
    assert wiz.idempotency_key == key
    assert Wizard("m1", constraints(), PEOPLE).idempotency_key != key


def test_edit_after_upload_starts_a_fresh_submission():
    wiz = filled()
    wiz.submission_id = "s1"
    for _, _, f in wiz.all_files():
        f.status, f.file_id = FileStatus.uploaded, "x"
    wiz.back()
    wiz.remove_file(0, 1)
    assert wiz.submission_id is None
    assert all(f.status is FileStatus.pending and f.file_id is None for _, _, f in wiz.all_files())


def test_locked_after_send_attempt():
    wiz = filled()
    wiz.set_attestation(True)
    wiz.next()
    wiz.mark_send_attempted()
    assert not wiz.back()
    with pytest.raises(WizardLocked):
        wiz.set_document(0, motif="changed")
    wiz.finish(receipt())
    data = Wizard.from_dict(wiz.to_dict(), constraints(), PEOPLE)
    assert data.receipt.reference == "ENV-2026-000042"


def test_draft_dict_holds_no_secret():
    text = json.dumps(filled().to_dict()).lower()
    assert "password" not in text and "token" not in text and "nir" not in text
