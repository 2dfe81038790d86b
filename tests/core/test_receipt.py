"""The accusé de réception: every required item in the text, and a PDF whose accents survive."""

from __future__ import annotations

from tests.support.wizard_data import receipt

from msa_tui.api.models import ReceiptSender
from msa_tui.core.send_document.receipt import receipt_text, silence_text, write_receipt_pdf


def test_text_has_everything_required():
    text = receipt_text(receipt(), nature_labels={"justificatif_domicile": "Justificatif de domicile"},
                        person_labels={"m1": "Pierre Martin"})
    for needle in [
        "ENV-2026-000042", "15 novembre 2026 à 10:00", "Changement de situation",
        "MSA Midi-Pyrénées Nord", "180 avenue Marcel Unal", "82000 Montauban", "05 63 21 61 00",
        "prestations@mpn.msa.fr", "15 janvier 2027", "réputée acceptée", "commission de recours amiable",
        "Justificatif de domicile", "Pierre Martin", "Déménagement à Rodez", "facture-été.pdf", "2 Ko",
        "ab" * 32,
    ]:
        assert needle in text, needle


def test_silence_variants():
    assert "réputée rejetée" in silence_text(receipt(silence_means="rejet"))
    assert "Aucun délai" in silence_text(receipt(decision_deadline=None, silence_means=None))


def _extracted(data: bytes):
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_written_with_accents(tmp_path):
    path = write_receipt_pdf(receipt(), tmp_path)
    assert path.name == "accuse-reception-ENV-2026-000042.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader, text = _extracted(data)
    # An embedded Unicode font: the text reads back as written, typography included.
    assert "MSA — Mon espace privé" in text
    assert "Pyrénées" in text and "facture-été.pdf" in text
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.metadata.title == "Accusé de réception ENV-2026-000042" and reader.metadata.author
    assert list(tmp_path.iterdir()) == [path]


def test_pdf_survives_characters_outside_cp1252(tmp_path):
    path = write_receipt_pdf(receipt(appeal_routes="Recours ≥ 2 mois → CRA’s œuvre"), tmp_path)
    _, text = _extracted(path.read_bytes())
    assert "CRA’s œuvre" in text and "2 mois" in text


def test_pdf_is_readable_by_its_owner_only(tmp_path):
    # It holds the member's name and NIR: 0600, like every other download.
    path = write_receipt_pdf(receipt(), tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600


SENDER = ReceiptSender(first_name="Pierre", last_name="Martin", nir="1850712345678")
L_232_3 = "article L. 232-3 du code des relations entre le public et l'administration"


def test_the_sender_is_named_with_the_nir_as_the_portal_shows_it():
    text = receipt_text(receipt(sender=SENDER))
    assert "EXPÉDITEUR\nEnvoyé par : Pierre Martin\nNuméro de sécurité sociale : 1 85 07 12 345 678\n" in text
    # A receipt written before senders were recorded has no such section (rather than an empty one).
    assert "EXPÉDITEUR" not in receipt_text(receipt())


def test_an_implicit_acceptance_says_once_that_an_attestation_can_be_asked():
    text = receipt_text(receipt(sender=SENDER))
    assert text.count(L_232_3) == 1 and text.count("réputée acceptée") == 1
    rejected = receipt_text(receipt(silence_means="rejet"))
    assert L_232_3 not in rejected and "réputée rejetée" in rejected
    assert L_232_3 not in receipt_text(receipt(decision_deadline=None, silence_means=None))


def test_the_pdf_names_the_sender_and_says_the_silence_once(tmp_path):
    path = write_receipt_pdf(receipt(sender=SENDER), tmp_path)
    _, text = _extracted(path.read_bytes())
    flat = " ".join(text.split())
    assert "Envoyé par : Pierre Martin" in flat and "1 85 07 12 345 678" in flat
    assert flat.count("L. 232-3") == 1 and flat.count("réputée acceptée") == 1
