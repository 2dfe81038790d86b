"""The accusé de réception: its text, and a PDF copy written atomically with fpdf2."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...api.models import ActingBy, Receipt
from ..clock import PARIS
from .files import human_size
from ..formatting import long_date
from ..nir import format_nir


@dataclass(frozen=True)
class Section:
    title: str
    lines: list[str]


def received_at_text(receipt: Receipt) -> str:
    moment = receipt.received_at.astimezone(PARIS)
    return f"{long_date(moment)} à {moment:%H:%M}"


IMPLICIT_ACCEPTANCE = ("Vous pourrez alors demander à votre MSA une attestation de cette décision implicite "
                       "d'acceptation (article L. 232-3 du code des relations entre le public et l'administration).")


def silence_text(receipt: Receipt) -> str:
    """The one place the receipt says what silence would mean (the server's appeal text no longer does)."""
    if receipt.decision_deadline is None:
        return "Aucun délai de décision implicite ne s'applique à cette demande."
    when = long_date(receipt.decision_deadline)
    if receipt.silence_means == "acceptation":
        return f"Sans réponse de la MSA au {when}, votre demande sera réputée acceptée. {IMPLICIT_ACCEPTANCE}"
    if receipt.silence_means == "rejet":
        return f"Sans réponse de la MSA au {when}, votre demande sera réputée rejetée."
    return f"Date à laquelle le silence de la MSA vaudra décision : {when}."


def acting_by_text(acting_by: ActingBy) -> str:
    """"Envoyé par Pierre Martin pour le compte d'Antoine Santoni" (elided before a vowel)."""
    from ..procurations import of_name

    return f"Envoyé par {acting_by.actor_name} pour le compte {of_name(acting_by.principal_name)}"


def sender_lines(receipt: Receipt) -> list[str]:
    """Who sent it, a line per fact: whoever adds a fact (acting for someone) adds a line here."""
    sender = receipt.sender
    lines = []
    if receipt.acting_by:  # procurations: the grantee sent it in the principal's name
        lines.append(acting_by_text(receipt.acting_by))
    elif sender is not None:
        lines.append(f"Envoyé par : {sender.first_name} {sender.last_name}")
    if sender is not None:  # (None: a receipt written before senders were recorded)
        lines.append(f"Numéro de sécurité sociale : {format_nir(sender.nir)}")
    return lines


@dataclass(frozen=True)
class Labels:
    """Words for the codes a receipt holds (natures, people); a code without a word is shown as it is."""

    natures: dict[str, str] = field(default_factory=dict)
    persons: dict[str, str] = field(default_factory=dict)


def _heading(receipt: Receipt, labels: Labels) -> list[Section]:
    return [Section("Accusé de réception", [
        f"Référence : {receipt.reference}",
        f"Reçu le : {received_at_text(receipt)}",
        f"Objet de la demande : {receipt.object_label}",
    ])]


def _sender(receipt: Receipt, labels: Labels) -> list[Section]:
    lines = sender_lines(receipt)
    return [Section("Expéditeur", lines)] if lines else []


def _service(receipt: Receipt, labels: Labels) -> list[Section]:
    svc = receipt.service
    address = [svc.address.line1, *([svc.address.line2] if svc.address.line2 else []),
               f"{svc.address.postal_code} {svc.address.city}"]
    return [Section("Service destinataire", [svc.name, *address, f"Téléphone : {svc.phone}",
                                             f"Courriel : {svc.email}"])]


def _deadline(receipt: Receipt, labels: Labels) -> list[Section]:
    return [Section("Délai de décision", [silence_text(receipt)])]


def _documents(receipt: Receipt, labels: Labels) -> list[Section]:
    out = []
    for doc in receipt.documents:
        lines = [
            f"Nature : {labels.natures.get(doc.nature, doc.nature)}",
            f"Personne concernée : {labels.persons.get(doc.person_id, doc.person_id)}",
            f"Motif : {doc.motif}",
        ]
        for f in doc.files:
            lines.append(f"Fichier : {f.name} — {human_size(f.size)} ({f.size} octets)")
            lines.append(f"  SHA-256 : {f.sha256}")
        out.append(Section(f"Document {doc.index + 1}", lines))
    return out


def _appeal(receipt: Receipt, labels: Labels) -> list[Section]:
    return [Section("Voies et délais de recours", [receipt.appeal_routes])]


SECTIONS: tuple[Callable[[Receipt, Labels], list[Section]], ...] = (
    _heading, _sender, _service, _deadline, _documents, _appeal,
)
"""The receipt's parts in reading order; each gives zero or more sections."""


def sections(
    receipt: Receipt,
    *,
    nature_labels: dict[str, str] | None = None,
    person_labels: dict[str, str] | None = None,
) -> list[Section]:
    """Everything the acknowledgement says, in reading order."""
    labels = Labels(nature_labels or {}, person_labels or {})
    return [section for part in SECTIONS for section in part(receipt, labels)]


def receipt_text(receipt: Receipt, **labels: dict[str, str] | None) -> str:
    """The receipt as plain text (for the screen's copy and for tests)."""
    chunks = []
    for section in sections(receipt, **labels):
        chunks.append(section.title.upper())
        chunks.extend(section.lines)
        chunks.append("")
    return "\n".join(chunks).rstrip() + "\n"


def receipt_filename(receipt: Receipt) -> str:
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", receipt.reference).strip("-") or "envoi"
    return f"accuse-reception-{safe}.pdf"


def receipt_pdf_bytes(receipt: Receipt, **labels: dict[str, str] | None) -> bytes:
    from ..pdf_fonts import FAMILY, french_pdf

    pdf = french_pdf(f"Accusé de réception {receipt.reference}", receipt.service.name)
    pdf.set_creator("msa-tui")
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(0, 9, "MSA — Mon espace privé", new_x="LMARGIN", new_y="NEXT")
    for section in sections(receipt, **labels):
        pdf.ln(3)
        pdf.set_font(FAMILY, "B", 12)
        pdf.multi_cell(0, 7, section.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", 10)
        for line in section.lines:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_receipt_pdf(receipt: Receipt, dest_dir: Path, **labels: dict[str, str] | None) -> Path:
    """Writes the receipt PDF into `dest_dir` atomically and returns its path."""
    data = receipt_pdf_bytes(receipt, **labels)
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / receipt_filename(receipt)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest_dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # the member's name and NIR: readable by them only, like every download
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return dest
