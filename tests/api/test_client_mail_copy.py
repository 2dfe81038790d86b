"""POST /me/mail-copy: a PDF sent to the member's address on file lands in the demo outbox with its name and size."""

from __future__ import annotations

import pytest

from msa_tui.api.errors import ApiError, ValidationFailed
from tests.support.wizard_keys import PDF


async def test_a_pdf_lands_in_the_outbox_as_an_attachment(logged_client, tmp_path):
    pdf = tmp_path / "Attestation de paiement.pdf"
    pdf.write_bytes(PDF + b"x" * 100)
    sent = await logged_client.mail_copy(pdf)
    me = await logged_client.me()
    assert sent.name == "Attestation de paiement.pdf" and sent.size == pdf.stat().st_size
    assert sent.to.endswith("@" + me.email.split("@")[1]) and sent.to != me.email
    mail = (await logged_client.outbox())[-1]
    assert mail.to == me.email
    assert mail.attachment == "Attestation de paiement.pdf" and mail.attachment_size == pdf.stat().st_size


async def test_not_a_pdf_is_refused_and_nothing_is_sent(logged_client, tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"hello")
    before = len(await logged_client.outbox())
    with pytest.raises(ValidationFailed):
        await logged_client.mail_copy(other)
    assert len(await logged_client.outbox()) == before


async def test_needs_a_login(client, tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(PDF)
    with pytest.raises(ApiError):
        await client.mail_copy(pdf)
