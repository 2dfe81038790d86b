"""« Mes envois »: how a sent submission reads in the list (title, files, status), in French words."""

from __future__ import annotations

from ..api.models import SentStatus, SentSubmission
from .formatting import counted, short_date
from .i18n import _

STATUS_LABELS = {
    SentStatus.recu: "Reçu par votre MSA",
    SentStatus.acceptee_implicitement: "Réputé accepté (décision implicite)",
    SentStatus.rejetee_implicitement: "Réputé rejeté (décision implicite)",
}
PAGE_SIZE = 20


def sent_title(sent: SentSubmission) -> str:
    """"15/11/2026 · Changement de situation" (the day in Paris time)."""
    return f"{short_date(sent.received_at)} · {sent.object_label}"


def files_summary(sent: SentSubmission) -> str:
    if not sent.files:
        return _("Aucun fichier (déclaration en ligne)")
    return counted(len(sent.files), "{n} fichier", "{n} fichiers") + " : " + ", ".join(sent.files)


def status_text(sent: SentSubmission) -> str:
    """The status in words; while a decision is awaited, by when."""
    text = _(STATUS_LABELS.get(sent.status, str(sent.status)))
    if sent.status is SentStatus.recu and sent.decision_deadline is not None:
        text += " · " + _("décision attendue au plus tard le {date}").format(date=short_date(sent.decision_deadline))
    return text


def sent_details(sent: SentSubmission) -> str:
    """The second line: reference, status, files."""
    return " · ".join([_("Réf. {reference}").format(reference=sent.reference), status_text(sent),
                       files_summary(sent)])
