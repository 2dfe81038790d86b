"""Submissions' shared pieces: loading one, and writing its accusé de réception."""

from __future__ import annotations

import calendar
import json
import sqlite3
from datetime import UTC, date, datetime

from msa_tui.api.models import (
    Receipt, ReceiptSender, SentStatus, SentSubmission, StoredFile, Submission, SubmissionDocument,
)

from .caisses import caisse, postal_line
from .catalogue_data import NATURES, OBJECTS, SILENCE
from .owned import owned_row
from .store import Store

OBJECT_LABELS = {c.code: c.label for c in OBJECTS}
NATURE_LABELS = {c.code: c.label for c in NATURES}


def submission_row(store: Store, submission_id: str, member_id: str) -> sqlite3.Row:
    return owned_row(store, "submissions", submission_id, member_id, "Cet envoi est introuvable.")


def load_submission(store: Store, row: sqlite3.Row) -> Submission:
    files: dict[int, list[StoredFile]] = {}
    for f in store.all("SELECT * FROM files WHERE submission_id = ? ORDER BY seq", (row["id"],)):
        files.setdefault(f["doc_index"], []).append(StoredFile(
            file_id=f["file_id"], name=f["name"], size=f["size"], sha256=f["sha256"], content_type=f["content_type"]))
    documents = [SubmissionDocument(**d, files=files.get(d["index"], [])) for d in json.loads(row["documents"])]
    return Submission(id=row["id"], object=row["object"], status=row["status"], created_at=row["created_at"],
                      documents=documents)


def plus_two_months(day: date) -> date:
    index = day.year * 12 + day.month - 1 + 2
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def appeal_text(caisse_name: str) -> str:
    """Voies et délais de recours. The implicit decision itself is said once, by the client, from
    `decision_deadline` and `silence_means` (it used to be repeated here)."""
    service = caisse(caisse_name)
    return (
        "Voies et délais de recours : vous pouvez contester une décision prise sur cette demande, qu'elle soit "
        "écrite ou implicite, dans les deux mois qui suivent sa notification ou sa naissance. Adressez d'abord "
        "un recours amiable écrit à la commission de recours amiable de votre MSA : "
        f"{postal_line(service)}. Si la commission rejette votre recours, ou si elle ne vous répond pas dans "
        "les deux mois (son silence vaut alors rejet), vous pouvez saisir le pôle social du tribunal judiciaire "
        "de votre domicile dans un nouveau délai de deux mois."
    )


def build_receipt(submission: Submission, caisse_name: str, reference: str, received_at: datetime,
                  sender: ReceiptSender, *, object_label: str | None = None) -> Receipt:
    silence = SILENCE.get(submission.object)
    deadline = plus_two_months(received_at.date()) if silence else None
    return Receipt(
        reference=reference, submission_id=submission.id, received_at=received_at, object=submission.object,
        object_label=object_label or OBJECT_LABELS.get(submission.object, submission.object),
        service=caisse(caisse_name), decision_deadline=deadline, silence_means=silence,
        appeal_routes=appeal_text(caisse_name), documents=submission.documents, sender=sender,
    )


def record_sent(conn: sqlite3.Connection, member_id: str, receipt: Receipt) -> None:
    """File a sent submission in « Mes envois » (the `envois` index, ordered by reception)."""
    conn.execute("INSERT INTO envois (submission_id, member_id, received_at, reference) VALUES (?, ?, ?, ?)",
                 # In UTC: ISO strings with one offset sort as the instants they name.
                 (receipt.submission_id, member_id, receipt.received_at.astimezone(UTC).isoformat(),
                  receipt.reference))


def sent_status(receipt: Receipt, today: date) -> SentStatus:
    if receipt.decision_deadline is None or today <= receipt.decision_deadline:
        return SentStatus.recu
    if receipt.silence_means == "acceptation":
        return SentStatus.acceptee_implicitement
    return SentStatus.rejetee_implicitement


def sent_submission(receipt: Receipt, today: date) -> SentSubmission:
    return SentSubmission(
        id=receipt.submission_id, reference=receipt.reference, received_at=receipt.received_at,
        object=receipt.object, object_label=receipt.object_label,
        files=[f.name for doc in receipt.documents for f in doc.files],
        status=sent_status(receipt, today), decision_deadline=receipt.decision_deadline,
    )


def next_reference(conn: sqlite3.Connection, year: int) -> str:
    """MSA-<year>-<6 digits>, from a counter kept in `meta` (inside the caller's transaction)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'next_reference'").fetchone()
    number = int(row["value"]) if row else 1
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_reference', ?)", (str(number + 1),))
    return f"MSA-{year}-{number:06d}"


