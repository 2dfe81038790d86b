"""The send-a-document wizard as a plain state machine: steps, validation in French, drafts as dicts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from ..i18n import _
from ...api.models import Me, Receipt, ServiceContact, SubmissionConstraints

DRAFT_VERSION = 1


class Step(IntEnum):
    OBJECT = 1
    PREPARE = 2
    COUNT = 3
    DETAILS = 4
    FILES = 5
    RECAP = 6
    SEND = 7


STEP_NAMES: dict[Step, str] = {
    Step.OBJECT: "Objet de la demande",
    Step.PREPARE: "D'autres documents",
    Step.COUNT: "Nombre de documents",
    Step.DETAILS: "Informations des documents",
    Step.FILES: "Fichiers",
    Step.RECAP: "Récapitulatif et attestation",
    Step.SEND: "Envoi et accusé de réception",
}
STEP_COUNT = len(Step)

ATTESTATION_TEXT = "J'atteste sur l'honneur l'exactitude et la conformité des documents transmis"

MEDICAL_RULE = (
    "Les documents contenant des informations médicales ne doivent pas être envoyés "
    "par Mon espace privé : envoyez-les par courrier postal à l'adresse du service "
    "médical de votre MSA."
)


def medical_address_text(service: ServiceContact) -> str:
    """The postal address shown under a medical stop (the wizard's and a message attachment's)."""
    a = service.address
    return "\n".join([_("Adresse du service médical :"), service.name, a.line1, *([a.line2] if a.line2 else []),
                      f"{a.postal_code} {a.city}"])


class FileStatus(StrEnum):
    pending = "pending"
    uploading = "uploading"
    uploaded = "uploaded"
    failed = "failed"


@dataclass(frozen=True)
class Person:
    """Someone a document may be about: the member or one of the household."""

    id: str
    label: str


def people_of(me: Me) -> list[Person]:
    """The member first, then the household, labelled as the portal shows them."""
    relation = {"conjoint": "conjoint·e", "enfant": "enfant", "autre": "autre"}
    people = [Person(me.id, f"{me.first_name} {me.last_name} (vous-même)")]
    for member in me.household:
        people.append(
            Person(member.id,
                   f"{member.first_name} {member.last_name} ({relation.get(member.relation, member.relation)})")
        )
    return people


@dataclass
class ChosenFile:
    """A file chosen for a document, with the fingerprint taken when chosen and its upload status."""

    path: str
    name: str
    size: int
    mtime_ns: int
    content_type: str
    sha256: str | None = None
    """Computed lazily (at the recap), then compared with the server's digest."""
    link: str | None = None
    """The symlink the user picked, when `path` is its resolved target."""
    status: FileStatus = FileStatus.pending
    file_id: str | None = None
    error: str | None = None
    upload_key: str | None = None
    """The Idempotency-Key of this file's upload, kept in the draft: a retry stores the file once."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "name": self.name, "size": self.size, "mtime_ns": self.mtime_ns,
            "content_type": self.content_type, "sha256": self.sha256, "link": self.link,
            # An upload interrupted by a crash did not finish: it is pending again.
            "status": FileStatus.pending.value if self.status is FileStatus.uploading else self.status.value,
            "file_id": self.file_id, "error": self.error, "upload_key": self.upload_key,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChosenFile:
        status = FileStatus(data.get("status", "pending"))
        return cls(
            path=str(data["path"]), name=str(data["name"]), size=int(data["size"]),
            mtime_ns=int(data["mtime_ns"]), content_type=str(data["content_type"]),
            sha256=data.get("sha256"), link=data.get("link"),
            status=FileStatus.pending if status is FileStatus.uploading else status,
            file_id=data.get("file_id"), error=data.get("error"), upload_key=data.get("upload_key"),
        )


@dataclass
class DocumentEntry:
    nature: str | None = None
    person_id: str | None = None
    motif: str = ""
    files: list[ChosenFile] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nature": self.nature, "person_id": self.person_id, "motif": self.motif,
            "files": [f.to_dict() for f in self.files],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentEntry:
        return cls(
            nature=data.get("nature"), person_id=data.get("person_id"), motif=str(data.get("motif", "")),
            files=[ChosenFile.from_dict(f) for f in data.get("files", [])],
        )


class Wizard:
    """The state of one sending. Screens call these methods and render what they return.

    `constraints` and `people` come from the server and are not part of the draft;
    everything else round-trips through `to_dict`/`from_dict`.
    """

    def __init__(
        self,
        member_id: str,
        constraints: SubmissionConstraints,
        people: list[Person],
        *,
        idempotency_key: str | None = None,
    ) -> None:
        self.member_id = member_id
        self.constraints = constraints
        self.people = people
        self.step = Step.OBJECT
        self.object: str | None = None
        self.count = 1
        # Longer than `count` when the user lowered the count: the tail is kept, not lost.
        self.documents: list[DocumentEntry] = [DocumentEntry()]
        self.attestation = False
        self.idempotency_key = idempotency_key or str(uuid.uuid4())
        self.submission_id: str | None = None
        self.send_attempted = False
        self.receipt: Receipt | None = None
        self.request_id: str | None = None
        """The démarche whose pièces demandées this sending answers (see `Prefill`)."""

    # --- serialisation ---------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "kind": "send_document",
            "member_id": self.member_id,
            "step": int(self.step),
            "object": self.object,
            "count": self.count,
            "documents": [d.to_dict() for d in self.documents],
            "attestation": self.attestation,
            "idempotency_key": self.idempotency_key,
            "submission_id": self.submission_id,
            "send_attempted": self.send_attempted,
            # No NIR in a draft on disk: the sender is left out (« Mes envois » shows the receipt whole).
            "receipt": self.receipt.model_dump(mode="json", exclude={"sender"}) if self.receipt else None,
            "request_id": self.request_id,
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], constraints: SubmissionConstraints, people: list[Person]
    ) -> Wizard:
        """A wizard from a draft. Raises ValueError when the draft is not one of ours."""
        if data.get("kind") != "send_document" or data.get("version") != DRAFT_VERSION:
            raise ValueError("brouillon d'un autre format")
        try:
            wiz = cls(str(data["member_id"]), constraints, people, idempotency_key=str(data["idempotency_key"]))
            wiz.step = Step(int(data.get("step", 1)))
            wiz.object = data.get("object")
            wiz.documents = [DocumentEntry.from_dict(d) for d in data.get("documents", [])] or [DocumentEntry()]
            wiz.count = max(1, min(int(data.get("count", 1)), len(wiz.documents)))
            wiz.attestation = bool(data.get("attestation", False))
            wiz.submission_id = data.get("submission_id")
            wiz.send_attempted = bool(data.get("send_attempted", False))
            wiz.receipt = Receipt.model_validate(data["receipt"]) if data.get("receipt") else None
            wiz.request_id = data.get("request_id")
        except (KeyError, TypeError) as exc:
            raise ValueError("brouillon incomplet") from exc
        return wiz

    # --- what the screens show ----------------------------------------------------

    @property
    def title(self) -> str:
        return f"Étape {int(self.step)}/{STEP_COUNT} — {STEP_NAMES[self.step]}"

    @property
    def active_documents(self) -> list[DocumentEntry]:
        return self.documents[: self.count]

    @property
    def locked(self) -> bool:
        """Once a send was tried, nothing may change: a retry must send the very same thing."""
        return self.send_attempted or self.receipt is not None

    def label_of(self, choices_kind: str, code: str | None) -> str:
        choices = self.constraints.objects if choices_kind == "object" else self.constraints.natures
        return next((c.label for c in choices if c.code == code), code or "—")

    def person_label(self, person_id: str | None) -> str:
        return next((p.label for p in self.people if p.id == person_id), person_id or "—")

    def medical_documents(self) -> list[int]:
        """Indexes of the active documents whose nature is medical."""
        medical = set(self.constraints.medical_natures)
        return [i for i, d in enumerate(self.active_documents) if d.nature in medical]

    # --- edits ---------------------------------------------------------------------

    def _edit(self) -> None:
        if self.locked:
            raise WizardLocked("L'envoi a déjà été tenté : il ne peut plus être modifié, seulement réessayé.")
        # The server's submission was created from the old content: start a fresh one.
        if self.submission_id is not None:
            self.submission_id = None
            for doc in self.documents:
                for f in doc.files:
                    f.status, f.file_id, f.error, f.upload_key = FileStatus.pending, None, None, None
        self.attestation = False if self.step < Step.RECAP else self.attestation

    def set_object(self, code: str | None) -> None:
        if code != self.object:
            self._edit()
            self.object = code

    def set_count(self, count: int) -> None:
        if count == self.count:
            return
        self._edit()
        self.count = count
        while len(self.documents) < count:
            self.documents.append(DocumentEntry())

    def set_document(
        self, index: int, *, nature: str | None = None, person_id: str | None = None, motif: str | None = None
    ) -> None:
        doc = self.documents[index]
        new = (
            doc.nature if nature is None else nature,
            doc.person_id if person_id is None else person_id,
            doc.motif if motif is None else motif,
        )
        if new != (doc.nature, doc.person_id, doc.motif):
            self._edit()
            doc.nature, doc.person_id, doc.motif = new

    def add_files(self, index: int, files: list[ChosenFile]) -> None:
        if files:
            self._edit()
            self.documents[index].files.extend(files)

    def remove_file(self, index: int, position: int) -> None:
        self._edit()
        del self.documents[index].files[position]

    def move_file(self, index: int, position: int, delta: int) -> int:
        """Moves a file up (-1) or down (+1) in its document; returns its new position."""
        files = self.documents[index].files
        target = position + delta
        if not 0 <= position < len(files) or not 0 <= target < len(files):
            return position
        self._edit()
        files[position], files[target] = files[target], files[position]
        return target

    def set_attestation(self, ticked: bool) -> None:
        if self.locked:
            return
        self.attestation = ticked

    # --- validation and moves ---------------------------------------------------------

    def errors(self, step: Step | None = None) -> list[str]:
        """What stops the user leaving `step` (the current one by default), in French."""
        step = self.step if step is None else step
        c = self.constraints
        out: list[str] = []
        if step is Step.OBJECT:
            if self.object not in {o.code for o in c.objects}:
                out.append("Choisissez l'objet de votre demande.")
        elif step is Step.COUNT:
            if not 1 <= self.count <= c.max_documents:
                out.append(f"Le nombre de documents doit être compris entre 1 et {c.max_documents}.")
        elif step is Step.DETAILS:
            natures = {n.code for n in c.natures}
            people = {p.id for p in self.people}
            for i, doc in enumerate(self.active_documents, start=1):
                if doc.nature not in natures:
                    out.append(f"Document {i} : choisissez la nature du document.")
                elif doc.nature in c.medical_natures:
                    out.append(f"Document {i} : {MEDICAL_RULE}")
                if doc.person_id not in people:
                    out.append(f"Document {i} : choisissez la personne concernée.")
                motif = doc.motif.strip()
                if not motif:
                    out.append(f"Document {i} : indiquez le motif de l'envoi.")
                elif len(motif) > c.max_motif_length:
                    out.append(
                        f"Document {i} : le motif compte {len(motif)} caractères, "
                        f"{c.max_motif_length} au plus."
                    )
        elif step is Step.FILES:
            for i, doc in enumerate(self.active_documents, start=1):
                if not doc.files:
                    out.append(f"Document {i} : ajoutez au moins un fichier.")
                elif len(doc.files) > c.max_files_per_document:
                    out.append(
                        f"Document {i} : {len(doc.files)} fichiers, {c.max_files_per_document} au plus."
                    )
        elif step is Step.RECAP:
            for earlier in (Step.OBJECT, Step.COUNT, Step.DETAILS, Step.FILES):
                out.extend(self.errors(earlier))
            if not self.attestation:
                out.append("Cochez l'attestation sur l'honneur pour pouvoir envoyer.")
        return out

    def is_blank(self) -> bool:
        """Nothing chosen yet (opened and left at once): not worth a draft."""
        return (self.step is Step.OBJECT and self.object is None and self.count == 1
                and not self.attestation and self.submission_id is None
                and all(d.nature is None and d.person_id is None and not d.motif and not d.files
                        for d in self.documents))

    def can_go_back(self) -> bool:
        return self.step > Step.OBJECT and not self.locked

    def back(self) -> bool:
        if not self.can_go_back():
            return False
        self.step = Step(self.step - 1)
        return True

    def next(self) -> list[str]:
        """Moves on when the current step is complete; otherwise returns why not."""
        if self.step is Step.SEND:
            return []
        problems = self.errors()
        if not problems:
            self.step = Step(self.step + 1)
        return problems

    # --- sending --------------------------------------------------------------------

    def files_to_upload(self) -> list[tuple[int, int, ChosenFile]]:
        """(document index, file position, file) of every file not yet on the server."""
        return [
            (i, j, f)
            for i, doc in enumerate(self.active_documents)
            for j, f in enumerate(doc.files)
            if f.status is not FileStatus.uploaded
        ]

    def all_files(self) -> list[tuple[int, int, ChosenFile]]:
        return [(i, j, f) for i, doc in enumerate(self.active_documents) for j, f in enumerate(doc.files)]

    def mark_send_attempted(self) -> None:
        self.send_attempted = True

    def finish(self, receipt: Receipt) -> None:
        self.receipt = receipt
        self.send_attempted = True


@dataclass(frozen=True)
class Prefill:
    """A sending started from a démarche's « pièces demandées »: its object, one document per nature asked
    for (about the member, with `motif`), linked to the démarche."""

    object: str
    natures: tuple[str, ...]
    request_id: str
    motif: str = ""


def new_wizard(member_id: str, constraints: SubmissionConstraints, people: list[Person],
               prefill: Prefill | None = None) -> Wizard:
    """A fresh wizard; a prefilled one opens at the documents' information, the rest already chosen."""
    wiz = Wizard(member_id, constraints, people)
    if prefill is None:
        return wiz
    objects = {o.code for o in constraints.objects}
    natures = [n for n in prefill.natures if n in {c.code for c in constraints.natures}][:constraints.max_documents]
    wiz.object = prefill.object if prefill.object in objects else None
    wiz.request_id = prefill.request_id
    wiz.documents = [DocumentEntry(nature=n, person_id=member_id, motif=prefill.motif) for n in natures] or [
        DocumentEntry(person_id=member_id, motif=prefill.motif)]
    wiz.count = len(wiz.documents)
    wiz.step = Step.DETAILS if wiz.object is not None else Step.OBJECT
    return wiz


class WizardLocked(Exception):
    """An edit after the send was attempted."""
