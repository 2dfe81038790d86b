"""Seed data of message attachments: the MSA's answer in one of Pierre's threads carries its notification."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from .seed_content import _pdf

THREAD_SUBJECT = "Prime d'activité : justificatif de ressources"
FILE_NAME = "Notification prime d'activité.pdf"


def add_attachments(tables: dict[str, list[dict[str, Any]]], blobs: dict[str, bytes]) -> None:
    """Adds the rows and blob; draws no random number, so every other seeded id stays as it was."""
    thread = next(t for t in tables["threads"] if t["subject"] == THREAD_SUBJECT)
    member = next(m for m in tables["members"] if m["id"] == thread["member_id"])
    last = [m for m in tables["messages"] if m["thread_id"] == thread["id"] and m["author"] == "msa"][-1]
    when = date.fromisoformat(last["sent_at"][:10])
    data = _pdf(member, "Notification de droit – prime d'activité", [
        "Votre droit à la prime d'activité a été recalculé au vu du bilan comptable transmis.",
        "Il sera versé le 5 de chaque mois.",
    ], when)
    digest = hashlib.sha256(data).hexdigest()
    blobs[digest] = data
    tables.setdefault("message_attachments", []).append({
        "id": "pj-" + hashlib.sha256(last["id"].encode()).hexdigest()[:16], "member_id": member["id"],
        "message_id": last["id"], "name": FILE_NAME, "size": len(data), "sha256": digest,
        "content_type": "application/pdf", "nature": None, "created_at": last["sent_at"], "seq": 1,
    })
