"""Dashboard alerts in words and the page each opens; the wizard started pre-filled from pièces demandées."""

from __future__ import annotations

from datetime import date, datetime

from msa_tui.api.models import Alert, AlertKind
from msa_tui.core.alerts import alert_line, alert_target, alerts_heading
from msa_tui.core.clock import PARIS
from msa_tui.core.send_document.wizard import Prefill, Step, Wizard, new_wizard
from tests.support.wizard_data import PEOPLE, constraints

AT = datetime(2026, 11, 7, 11, 0, tzinfo=PARIS)


def pieces(**over) -> Alert:
    base = dict(kind=AlertKind.pieces_demandees, target_id="req-1", label="Changement de situation",
                at=AT, status="pieces_demandees", object="changement_situation",
                natures=["justificatif_domicile"])
    return Alert(**{**base, **over})


def test_each_kind_reads_as_words() -> None:
    due = Alert(kind=AlertKind.declaration_due, target_id="d1", label="RSA, 3e trimestre 2026",
                due_date=date(2026, 11, 30))
    assert alert_line(due) == "Déclaration avant le 30/11/2026 : RSA, 3e trimestre 2026"
    assert alert_line(pieces()) == "Pièces demandées : Changement de situation"
    reply = Alert(kind=AlertKind.reply_awaited, target_id="t1", label="Déclaration trimestrielle RSA", at=AT)
    assert alert_line(reply) == "Réponse attendue : Déclaration trimestrielle RSA"
    changed = Alert(kind=AlertKind.request_updated, target_id="r1", label="Aide au logement", at=AT,
                    status="refusee")
    assert alert_line(changed) == "Démarche refusée : Aide au logement"


def test_heading_counts_in_french() -> None:
    assert alerts_heading(0) == "À faire : rien ne vous attend pour l'instant."
    assert alerts_heading(1) == "À faire : 1 alerte"
    assert alerts_heading(3) == "À faire : 3 alertes"


def test_each_alert_opens_its_page() -> None:
    assert alert_target(Alert(kind=AlertKind.declaration_due, target_id="d1", label="x")).page == "declarations"
    thread = alert_target(Alert(kind=AlertKind.reply_awaited, target_id="t1", label="Sujet"))
    assert (thread.page, thread.kwargs) == ("thread", {"thread_id": "t1", "subject": "Sujet"})
    request = alert_target(Alert(kind=AlertKind.request_updated, target_id="r1", label="x", status="acceptee"))
    assert (request.page, request.kwargs) == ("request", {"request_id": "r1"})
    send = alert_target(pieces())
    assert send.page == "send_document"
    prefill = send.kwargs["prefill"]
    assert (prefill.object, prefill.natures, prefill.request_id) == (
        "changement_situation", ("justificatif_domicile",), "req-1")


def test_prefilled_wizard_opens_at_the_documents_with_one_per_nature() -> None:
    prefill = Prefill("changement_situation", ("justificatif_domicile", "avis_imposition"), "req-1", "Pièces")
    wiz = new_wizard("m1", constraints(), PEOPLE, prefill)
    assert wiz.step is Step.DETAILS and wiz.object == "changement_situation" and wiz.count == 2
    assert [(d.nature, d.person_id, d.motif) for d in wiz.active_documents] == [
        ("justificatif_domicile", "m1", "Pièces"), ("avis_imposition", "m1", "Pièces")]
    assert wiz.errors() == []  # complete: the member only checks it and goes on to the files
    again = Wizard.from_dict(wiz.to_dict(), constraints(), PEOPLE)
    assert again.request_id == "req-1"  # the link survives the draft


def test_unknown_codes_are_left_for_the_member_to_choose() -> None:
    prefill = Prefill("inconnu", ("nature_inconnue",), "req-1")
    wiz = new_wizard("m1", constraints(), PEOPLE, prefill)
    assert wiz.step is Step.OBJECT and wiz.object is None
    assert wiz.count == 1 and wiz.active_documents[0].nature is None
    assert new_wizard("m1", constraints(), PEOPLE).request_id is None
