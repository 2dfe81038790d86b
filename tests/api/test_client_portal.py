"""Every read/write portal endpoint through the client and the real mock server, and isolation between members."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import ANTOINE, DEMO_PASSWORD, OTHER_NIR

RETIRED_NIR = ANTOINE


async def test_me_update_contact_and_service_medical(logged_client: MsaClient) -> None:
    me = await logged_client.me()
    assert (me.first_name, me.last_name) == ("Pierre", "Martin")
    assert {h.relation for h in me.household} >= {m.Relation.conjoint, m.Relation.enfant}
    updated = await logged_client.update_contact(m.ContactUpdate(phone="06 12 34 56 78"))
    assert updated.phone and updated.phone.replace(" ", "") == "0612345678"
    assert updated.email == me.email and updated.address == me.address
    assert (await logged_client.me()).phone == updated.phone
    service = await logged_client.service_medical()
    assert service.name and service.address.city


async def test_invalid_contact_is_refused_with_the_field(logged_client: MsaClient) -> None:
    with pytest.raises(errors.ValidationFailed) as caught:
        await logged_client.update_contact(m.ContactUpdate.model_construct(email="pas-une-adresse"))
    assert any("email" in e.field for e in caught.value.field_errors)


async def test_threads_read_write_and_paging(logged_client: MsaClient) -> None:
    page = await logged_client.threads(limit=1)
    assert len(page.items) == 1 and page.next_cursor
    rest = await logged_client.threads(limit=100, cursor=page.next_cursor)
    assert page.items[0].id not in {t.id for t in rest.items}
    thread = await logged_client.thread(page.items[0].id)
    assert thread.messages and all(msg.read for msg in thread.messages)
    new = await logged_client.new_thread(m.NewThread(subject="Question", topic="famille", body="Bonjour"))
    assert new.messages[-1].body == "Bonjour" and new.messages[-1].author == m.Author.member
    replied = await logged_client.reply(new.id, "Une précision")
    assert [x.body for x in replied.messages][-1] == "Une précision"
    assert (await logged_client.threads()).items[0].id == new.id


async def test_documents_list_detail_and_download(logged_client: MsaClient, tmp_path: Path) -> None:
    received = await logged_client.documents(direction=m.Direction.received)
    assert received.items and all(d.direction == m.Direction.received for d in received.items)
    doc = await logged_client.document(received.items[0].id)
    dest = tmp_path / "telechargements" / "courrier.pdf"
    path = await logged_client.download_document(doc.id, dest)
    assert path == dest and dest.stat().st_size == doc.size
    assert dest.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in dest.parent.iterdir()) == ["courrier.pdf"]


async def test_payments_filters_paging_and_detail(logged_client: MsaClient) -> None:
    everything = await logged_client.payments(limit=100)
    assert everything.items
    dates = [p.date for p in everything.items]
    assert dates == sorted(dates, reverse=True)
    sante = await logged_client.payments(domain=m.Domain.sante, limit=100)
    assert sante.items and {p.domain for p in sante.items} == {m.Domain.sante}
    window = await logged_client.payments(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31), limit=100)
    assert all(date(2026, 1, 1) <= p.date <= date(2026, 3, 31) for p in window.items)
    one = await logged_client.payment(everything.items[0].id)
    assert one == everything.items[0]
    with pytest.raises(errors.ValidationFailed):
        await logged_client.payments(limit=0)


async def test_attestation_is_a_pdf_and_ineligible_ones_are_refused(
    logged_client: MsaClient, tmp_path: Path
) -> None:
    dest = await logged_client.attestation(
        m.AttestationKind.paiement, tmp_path / "attestation.pdf", date_from=date(2026, 1, 1), date_to=date(2026, 6, 30)
    )
    assert dest.read_bytes().startswith(b"%PDF")
    with pytest.raises(errors.NotEligible) as caught:
        await logged_client.attestation(m.AttestationKind.droits_rsa, tmp_path / "rsa.pdf")
    assert caught.value.code == "not_eligible"
    assert not (tmp_path / "rsa.pdf").exists()


async def test_services_forms_and_requests(logged_client: MsaClient) -> None:
    catalogue = await logged_client.services()
    request_types = [s.request_type for c in catalogue for s in c.services if s.kind == "request" and s.request_type]
    assert request_types
    form = await logged_client.request_form(request_types[0])
    answers = {f.name: _answer(f) for f in form.fields if f.required}
    filed = await logged_client.file_request(m.RequestCreate(type=form.type, answers=answers))
    assert filed.timeline and filed.type == form.type
    listed = await logged_client.requests()
    assert filed.id in {r.id for r in listed.items}
    assert (await logged_client.request(filed.id)).id == filed.id
    with pytest.raises(errors.NotFound):
        await logged_client.request_form("no-such-form")


def _answer(field: m.FormField):
    """A plausible answer for a server-sent form field."""
    if field.choices:
        return field.choices[0].code
    return {"text": "Réponse", "number": 2, "date": "2026-10-01", "bool": True, "money": 120.5}[field.kind]


async def test_declarations_file_once(make_client) -> None:
    api = make_client()
    await api.login(OTHER_NIR, DEMO_PASSWORD)
    todo = [d for d in (await api.declarations()).items if d.status == m.DeclarationStatus.a_faire]
    assert todo
    # Sophie's salaries are known to the MSA: offered pre-filled, one a month of the quarter.
    assert [(a.month, a.kind) for a in todo[0].prefill] == [(month, "salaires") for month in todo[0].months]
    lines = [m.DeclarationAmount(**a.model_dump()) for a in todo[0].prefill]
    body = m.DeclarationFile(amounts=lines, certified=True)
    filed = await api.file_declaration(todo[0].id, body)
    assert filed.status == m.DeclarationStatus.deposee
    assert filed.resources["salaires"] == sum(a.amount for a in todo[0].prefill)
    assert filed.amounts == todo[0].prefill and filed.reference and filed.submission_id
    # Its receipt is kept in « Mes envois », newest first.
    receipt = await api.receipt(filed.submission_id)
    assert receipt.reference == filed.reference and receipt.documents == []
    assert (await api.sent_submissions()).items[0].reference == filed.reference
    with pytest.raises(errors.Conflict):
        await api.file_declaration(todo[0].id, body)


async def test_quotient_familial_only_with_family_benefits(logged_client: MsaClient, make_client) -> None:
    qf = await logged_client.quotient_familial()
    assert qf.value > 0 and qf.parts > 0
    retired = make_client()
    await retired.login(RETIRED_NIR, DEMO_PASSWORD)
    with pytest.raises(errors.NotEligible):
        await retired.quotient_familial()


async def test_appointments_book_conflict_and_cancel(logged_client: MsaClient, make_client) -> None:
    slots = await logged_client.slots()
    assert slots
    booked = await logged_client.book(m.AppointmentCreate(slot_id=slots[0].id, topic="Retraite"))
    assert booked.slot.id == slots[0].id
    assert booked.id in {a.id for a in (await logged_client.appointments()).items}
    assert slots[0].id not in {s.id for s in await logged_client.slots()}
    with pytest.raises(errors.Conflict):
        await logged_client.book(m.AppointmentCreate(slot_id=slots[0].id, topic="Encore"))
    other = make_client()
    await other.login(OTHER_NIR, DEMO_PASSWORD)
    with pytest.raises((errors.NotFound, errors.Conflict)):  # another caisse's slot, or taken
        await other.book(m.AppointmentCreate(slot_id=slots[0].id, topic="RSA"))
    with pytest.raises(errors.NotFound):
        await other.cancel_appointment(booked.id)
    await logged_client.cancel_appointment(booked.id)
    assert booked.id not in {a.id for a in (await logged_client.appointments()).items}


async def test_procurations_given_received_request_and_revoke(logged_client: MsaClient) -> None:
    existing = (await logged_client.procurations()).items
    assert any(p.direction == "received" and "Santoni" in p.grantor_name for p in existing)
    new = await logged_client.request_procuration(
        m.ProcurationCreate(grantee_nir=OTHER_NIR, grantee_name="Sophie Le Gall", scope="Consulter mes paiements")
    )
    assert new.direction == "given"
    revoked = await logged_client.revoke_procuration(new.id)
    assert revoked.status == m.ProcurationStatus.revoquee


async def test_another_members_resources_are_not_found(logged_client: MsaClient, make_client, tmp_path: Path) -> None:
    other = make_client()
    await other.login(OTHER_NIR, DEMO_PASSWORD)
    doc = (await other.documents()).items[0]
    thread = (await other.threads()).items[0]
    payment = (await other.payments()).items[0]
    with pytest.raises(errors.NotFound):
        await logged_client.document(doc.id)
    with pytest.raises(errors.NotFound):
        await logged_client.download_document(doc.id, tmp_path / "vol.pdf")
    assert not (tmp_path / "vol.pdf").exists()
    with pytest.raises(errors.NotFound):
        await logged_client.thread(thread.id)
    with pytest.raises(errors.NotFound):
        await logged_client.reply(thread.id, "intrusion")
    with pytest.raises(errors.NotFound):
        await logged_client.payment(payment.id)
    assert "intrusion" not in [x.body for x in (await other.thread(thread.id)).messages]
