"""Shared data for the wizard's unit tests: server constraints, people, a receipt, sample files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from msa_tui.api.models import (
    Address, Choice, Receipt, ServiceContact, StoredFile, SubmissionConstraints, SubmissionDocument,
)
from msa_tui.core.clock import PARIS
from msa_tui.core.send_document.wizard import Person
from tests.support.images import jpeg, png

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = png()
JPEG = jpeg()
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 32
MZ = b"MZ\x90\x00" + b"\x00" * 32


def constraints(**over) -> SubmissionConstraints:
    base = dict(
        objects=[Choice(code="changement_situation", label="Changement de situation"),
                 Choice(code="prestations_familiales", label="Prestations familiales")],
        natures=[Choice(code="justificatif_domicile", label="Justificatif de domicile"),
                 Choice(code="avis_imposition", label="Avis d'imposition"),
                 Choice(code="certificat_medical", label="Certificat médical")],
        medical_natures=["certificat_medical"],
        allowed_types=["application/pdf", "image/jpeg", "image/png"],
        max_file_bytes=1024,
        max_files_per_document=3,
        max_documents=5,
        max_motif_length=40,
    )
    base.update(over)
    return SubmissionConstraints(**base)


PEOPLE = [Person("m1", "Pierre Martin (vous-même)"), Person("h1", "Marie Martin (conjoint·e)")]


def receipt(**over) -> Receipt:
    base = dict(
        reference="ENV-2026-000042",
        submission_id="s1",
        received_at=datetime(2026, 11, 15, 10, 0, tzinfo=PARIS),
        object="changement_situation",
        object_label="Changement de situation",
        service=ServiceContact(
            name="MSA Midi-Pyrénées Nord — Service prestations",
            address=Address(line1="180 avenue Marcel Unal", postal_code="82000", city="Montauban"),
            phone="05 63 21 61 00", email="prestations@mpn.msa.fr",
        ),
        decision_deadline=date(2027, 1, 15),
        silence_means="acceptation",
        appeal_routes=("Vous pouvez contester cette décision devant la commission de recours amiable "
                       "dans un délai de deux mois."),
        documents=[SubmissionDocument(
            index=0, nature="justificatif_domicile", person_id="m1", motif="Déménagement à Rodez",
            files=[StoredFile(file_id="f1", name="facture-été.pdf", size=2048, sha256="ab" * 32,
                              content_type="application/pdf")],
        )],
    )
    base.update(over)
    return Receipt(**base)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
