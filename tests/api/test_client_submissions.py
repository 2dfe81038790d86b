"""Sending documents through the client and the real mock server: uploads, limits, send, receipt."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from msa_tui.api import errors
from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.members import DEMO_NIR, DEMO_PASSWORD, OTHER_NIR



async def draft(api: MsaClient, *, documents: int = 1) -> m.Submission:
    """A new draft submission for the logged-in member, with non-medical documents."""
    me = await api.me()
    rules = await api.submission_constraints()
    nature = next(c.code for c in rules.natures if c.code not in rules.medical_natures)
    specs = [m.DocumentSpec(nature=nature, person_id=me.id, motif=f"Pièce {i + 1}") for i in range(documents)]
    return await api.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=specs))


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "attestation-employeur.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + os.urandom(600_000) + b"\n%%EOF\n")
    return path


async def test_constraints_describe_the_limits(logged_client: MsaClient) -> None:
    rules = await logged_client.submission_constraints()
    assert rules.objects and rules.natures and rules.medical_natures
    assert "application/pdf" in rules.allowed_types
    assert rules.max_file_bytes > 0 and rules.max_files_per_document > 0


async def test_upload_progress_reaches_total_and_sha256_matches(logged_client: MsaClient, pdf: Path) -> None:
    sub = await draft(logged_client)
    ticks: list[tuple[int, int]] = []
    stored = await logged_client.upload_file(sub.id, 0, pdf, progress=lambda a, b: ticks.append((a, b)))
    data = pdf.read_bytes()
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data) and stored.name == pdf.name
    assert stored.content_type == "application/pdf"
    assert ticks[-1] == (len(data), len(data))
    again = await logged_client.submission(sub.id)
    assert [f.file_id for f in again.documents[0].files] == [stored.file_id]


async def test_remove_file(logged_client: MsaClient, pdf: Path) -> None:
    sub = await draft(logged_client)
    stored = await logged_client.upload_file(sub.id, 0, pdf)
    await logged_client.remove_file(sub.id, 0, stored.file_id)
    assert (await logged_client.submission(sub.id)).documents[0].files == []
    with pytest.raises(errors.NotFound):
        await logged_client.remove_file(sub.id, 0, stored.file_id)


async def test_a_pdf_name_on_other_content_is_unsupported(logged_client: MsaClient, tmp_path: Path) -> None:
    fake = tmp_path / "bulletin.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is a program, not a PDF" * 100)
    sub = await draft(logged_client)
    with pytest.raises(errors.UnsupportedType) as caught:
        await logged_client.upload_file(sub.id, 0, fake)
    assert caught.value.message


async def test_a_file_over_the_limit_is_too_large(make_client, tmp_path: Path, pinned_today) -> None:
    from msa_tui.mock_server.app import create_app

    small = create_app(tmp_path / "small", today=pinned_today, max_file_bytes=100_000)
    api = make_client(small)
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    assert (await api.submission_constraints()).max_file_bytes == 100_000
    big = tmp_path / "gros.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(100_001))
    sub = await draft(api)
    with pytest.raises(errors.FileTooLarge):
        await api.upload_file(sub.id, 0, big)
    assert (await api.submission(sub.id)).documents[0].files == []


async def test_a_medical_nature_is_refused_with_the_postal_address(logged_client: MsaClient) -> None:
    me = await logged_client.me()
    rules = await logged_client.submission_constraints()
    spec = m.DocumentSpec(nature=rules.medical_natures[0], person_id=me.id, motif="Compte rendu")
    with pytest.raises(errors.MedicalDocument) as caught:
        await logged_client.create_submission(m.SubmissionCreate(object=rules.objects[0].code, documents=[spec]))
    service = await logged_client.service_medical()
    assert service.address.postal_code in caught.value.message
    assert service.address.city.lower() in caught.value.message.lower()


async def test_send_without_attestation_is_refused(logged_client: MsaClient, pdf: Path) -> None:
    sub = await draft(logged_client)
    await logged_client.upload_file(sub.id, 0, pdf)
    with pytest.raises(errors.ValidationFailed) as caught:
        await logged_client.send_submission(sub.id, attestation=False, idempotency_key="k-no-attest")
    assert caught.value.code == "attestation_required"
    assert (await logged_client.submission(sub.id)).status == m.SubmissionStatus.draft


async def test_send_without_files_is_refused(logged_client: MsaClient) -> None:
    sub = await draft(logged_client)
    with pytest.raises(errors.ApiError) as caught:
        await logged_client.send_submission(sub.id, attestation=True, idempotency_key="k-empty")
    assert caught.value.code == "missing_files"


async def test_the_same_idempotency_key_gives_one_submission_and_the_same_receipt(
    logged_client: MsaClient, pdf: Path
) -> None:
    sub = await draft(logged_client, documents=2)
    await logged_client.upload_file(sub.id, 0, pdf)
    await logged_client.upload_file(sub.id, 1, pdf, name="deuxieme.pdf")
    before = (await logged_client.documents(direction=m.Direction.sent, limit=100)).items
    first = await logged_client.send_submission(sub.id, attestation=True, idempotency_key="k-once")
    second = await logged_client.send_submission(sub.id, attestation=True, idempotency_key="k-once")
    assert first == second
    assert first.submission_id == sub.id and first.reference
    assert first.appeal_routes and first.service.address
    assert [d.files[0].name for d in first.documents] == [pdf.name, "deuxieme.pdf"]
    assert await logged_client.receipt(sub.id) == first
    assert (await logged_client.submission(sub.id)).status == m.SubmissionStatus.sent
    after = (await logged_client.documents(direction=m.Direction.sent, limit=100)).items
    new = [d for d in after if d.submission_reference == first.reference]
    assert len(after) > len(before) and new
    with pytest.raises(errors.Conflict):
        await logged_client.send_submission(sub.id, attestation=True, idempotency_key="k-other")


async def test_another_members_submission_is_not_found(make_client, logged_client: MsaClient, pdf: Path) -> None:
    sub = await draft(logged_client)
    other = make_client()
    await other.login(OTHER_NIR, DEMO_PASSWORD)
    with pytest.raises(errors.NotFound):
        await other.submission(sub.id)
    with pytest.raises(errors.NotFound):
        await other.upload_file(sub.id, 0, pdf)
    with pytest.raises(errors.NotFound):
        await other.send_submission(sub.id, attestation=True, idempotency_key="k-intruder")
    assert (await logged_client.submission(sub.id)).documents[0].files == []
