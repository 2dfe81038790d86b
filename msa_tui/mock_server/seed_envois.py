"""Seed rows for « Mes envois » and the quarterly declarations' pre-filled amounts (issue 14).

Drawn from rows already seeded (no random numbers), so adding them moves no other id.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from msa_tui.api.models import ReceiptSender, StoredFile, Submission, SubmissionDocument, SubmissionStatus

from .receipts import build_receipt

Row = dict[str, Any]

# What each seeded sent document was sent for: (object, nature, motif).
SENT = {
    "Avis d'imposition (copie)": ("autre", "avis_imposition", "Calcul de mes droits pour l'année"),
    "Relevé d'identité bancaire": ("changement_situation", "rib", "Changement de compte bancaire"),
    "Bail de location": ("logement", "bail", "Nouveau logement à Quimper"),
}
# Monthly salaries the MSA already knows (employers' declarations), by member's first name:
# (whose: "self" or a relation in the household, the three months' amounts).
KNOWN_SALARIES = {
    "Pierre": ("conjoint", (1512.40, 1498.75, 1530.10)),
    "Sophie": ("self", (612.30, 598.00, 640.15)),
}


def rows(tables: dict[str, list[Row]]) -> Iterator[tuple[str, Row]]:
    yield from _envois(tables)
    yield from _prefill(tables)


def _envois(tables: dict[str, list[Row]]) -> Iterator[tuple[str, Row]]:
    members = {m["id"]: m for m in tables["members"]}
    for doc in tables["documents"]:
        if doc["direction"] != "sent" or not doc["submission_reference"] or doc["title"] not in SENT:
            continue
        member, (obj, nature, motif) = members[doc["member_id"]], SENT[doc["title"]]
        reference = doc["submission_reference"]
        sub_id, file_id = f"sub-seed-{reference.lower()}", f"fil-seed-{reference.lower()}"
        received = datetime.fromisoformat(doc["date"])
        stored = StoredFile(file_id=file_id, name=doc["file_name"], size=doc["size"], sha256=doc["sha256"],
                            content_type=doc["content_type"])
        spec = {"index": 0, "nature": nature, "person_id": member["id"], "motif": motif}
        submission = Submission(id=sub_id, object=obj, status=SubmissionStatus.sent, created_at=received,
                                documents=[SubmissionDocument(**spec, files=[stored])])
        sender = ReceiptSender(first_name=member["first_name"], last_name=member["last_name"], nir=member["nir"])
        receipt = build_receipt(submission, member["caisse"], reference, received, sender)
        yield "submissions", {"id": sub_id, "member_id": member["id"], "object": obj, "status": "sent",
                              "created_at": doc["date"], "documents": json.dumps([spec], ensure_ascii=False),
                              "idempotency_key": None, "receipt": receipt.model_dump_json()}
        yield "files", {"file_id": file_id, "submission_id": sub_id, "doc_index": 0, "name": doc["file_name"],
                        "size": doc["size"], "sha256": doc["sha256"], "content_type": doc["content_type"], "seq": 0}
        yield "envois", {"submission_id": sub_id, "member_id": member["id"], "reference": reference,
                         "received_at": received.astimezone(UTC).isoformat()}


def _prefill(tables: dict[str, list[Row]]) -> Iterator[tuple[str, Row]]:
    members = {m["id"]: m for m in tables["members"]}
    for decl in tables["declarations"]:
        member = members[decl["member_id"]]
        if decl["status"] != "a_faire" or member["first_name"] not in KNOWN_SALARIES:
            continue
        whose, amounts = KNOWN_SALARIES[member["first_name"]]
        person = member["id"] if whose == "self" else next(
            h["id"] for h in tables["household"] if h["member_id"] == member["id"] and h["relation"] == whose)
        year, number = decl["quarter"].split("-T")
        first = (int(number) - 1) * 3 + 1
        for k, amount in enumerate(amounts):
            yield "declaration_amounts", {"declaration_id": decl["id"], "source": "prefill", "person_id": person,
                                          "month": f"{year}-{first + k:02d}", "kind": "salaires", "amount": amount}
