"""Files joined to a message (a reply or a new message): chosen with the wizard's rules, kept in the
message's draft, uploaded once each (Idempotency-Key), then named in the message (no Textual, no httpx)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msa_tui.api.models import Attachment, SubmissionConstraints
from msa_tui.core.documents import safe_stem
from msa_tui.core.i18n import _
from msa_tui.core.idempotency import new_key
from msa_tui.core.send_document.files import (
    Refusal, changed_reason, check_batch, display_name, human_size, type_label,
)
from msa_tui.core.send_document.wizard import MEDICAL_RULE, ChosenFile, FileStatus

if TYPE_CHECKING:
    from msa_tui.api.client import MsaClient

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


@dataclass
class Joined:
    """A file joined to the message being written, with the nature the member gave it."""

    nature: str
    file: ChosenFile

    def to_dict(self) -> dict[str, Any]:
        return {"nature": self.nature, "file": self.file.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Joined:
        return cls(nature=str(data["nature"]), file=ChosenFile.from_dict(data["file"]))


def joined_from_draft(draft: dict[str, Any] | None) -> list[Joined]:
    """The files of a message draft (a damaged entry is dropped rather than failing the page)."""
    out = []
    for item in (draft or {}).get("attachments") or []:
        try:
            out.append(Joined.from_dict(item))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def medical_stop(nature: str, constraints: SubmissionConstraints) -> str | None:
    """The wizard's stop for a medical document (its very words), or None."""
    if nature in constraints.medical_natures:
        return _("ARRÊT : ") + _(MEDICAL_RULE)
    return None


def join(paths: list[Path], nature: str, constraints: SubmissionConstraints,
         joined: list[Joined]) -> tuple[list[Joined], list[Refusal]]:
    """The wizard's checks (type by content, size, count per document, twice the same file)."""
    accepted, refused = check_batch(paths, constraints, [j.file for j in joined],
                                    too_many=_("« {name} » : un message porte au plus {n} pièces jointes."))
    return [Joined(nature, f) for f in accepted], refused


def joined_line(position: int, joined: Joined, nature_label: str) -> str:
    f = joined.file
    return (f"{position + 1}. {display_name(f.name)} — {human_size(f.size)} — {type_label(f.content_type)}"
            f" — {nature_label}")


def received_line(attachment: Attachment) -> str:
    """A file the message carries, as listed under it."""
    return _("Pièce jointe : {name} — {size} — {kind}").format(
        name=display_name(attachment.name), size=human_size(attachment.size),
        kind=type_label(attachment.content_type))


def download_name(attachment: Attachment) -> str:
    """The name it is saved under: its own stem, the extension of its type."""
    return safe_stem(Path(attachment.name).stem) + EXTENSIONS.get(attachment.content_type, ".bin")


Call = Callable[[Callable[[], Awaitable[Any]]], Awaitable[Any]]


async def upload_all(client: MsaClient, joined: list[Joined], call: Call,
                     changed: Callable[[], object]) -> list[str]:
    """Uploads what is not yet on the server and returns the attachments' ids, in order.

    Each file's key is written into the draft (`changed`) before its upload, so a retry after a
    lost answer stores it once. A file changed on disk since it was chosen raises ValueError
    (French); the server's refusals propagate as ApiError."""
    ids = []
    for item in joined:
        chosen = item.file
        if chosen.status is not FileStatus.uploaded or chosen.file_id is None:
            reason = changed_reason(chosen)
            if reason is not None:
                raise ValueError(reason)
            if chosen.upload_key is None:
                chosen.upload_key = new_key()
                changed()
            stored = await call(_uploader(client, item, chosen.upload_key))
            chosen.status, chosen.file_id, chosen.sha256 = FileStatus.uploaded, stored.id, stored.sha256
            changed()
        ids.append(chosen.file_id or "")
    return ids


def _uploader(client: MsaClient, item: Joined, key: str) -> Callable[[], Awaitable[Attachment]]:
    chosen = item.file
    return lambda: client.upload_attachment(Path(chosen.path), nature=item.nature, name=chosen.name,
                                            idempotency_key=key)
