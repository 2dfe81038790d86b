"""Checks on files chosen for sending: type by content, size, count, and a fingerprint to spot changes.

Symlink policy: a link is followed and what is checked, fingerprinted and sent is
its resolved target (so swapping the link later changes nothing). A broken link is
refused. A link whose target lies outside the user's home folder is refused: a
file from elsewhere (a USB key under /media, a shared folder) is accepted only
when the user browses to it and picks it directly, so a link planted in a
download can never pull in a file the user did not knowingly choose.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ...api.models import SubmissionConstraints
from .wizard import ChosenFile

HEAD_BYTES = 16

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
_EXECUTABLES = (b"\x7fELF", b"MZ", b"#!", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")

EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}
TYPE_LABELS = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}


def sniff_type(head: bytes) -> str | None:
    """The MIME type of a file from its first bytes, for the types we know."""
    for magic, mime in _SIGNATURES:
        if head.startswith(magic):
            return mime
    return None


def type_label(mime: str | None) -> str:
    return TYPE_LABELS.get(mime or "", "inconnu")


def allowed_labels(constraints: SubmissionConstraints) -> str:
    return ", ".join(type_label(t) for t in constraints.allowed_types)


def allowed_extensions(constraints: SubmissionConstraints) -> set[str]:
    return {ext for t in constraints.allowed_types for ext in EXTENSIONS.get(t, ())}


def human_size(size: int) -> str:
    """French-style size: "512 o", "12,5 Ko", "3,2 Mo"."""
    if size < 1024:
        return f"{size} o"
    scaled = float(size)
    for unit in ("Ko", "Mo", "Go"):
        scaled /= 1024
        if scaled < 1024 or unit == "Go":
            text = f"{scaled:.1f}".rstrip("0").rstrip(".")
            return f"{text.replace('.', ',')} {unit}"
    raise AssertionError("unreachable")


def bad_name_reason(name: str) -> str | None:
    """Why a file name cannot be sent as is (control or invisible formatting characters)."""
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            return "Le nom du fichier n'est pas un texte valide (encodage inconnu) : renommez-le."
        if unicodedata.category(ch) in ("Cc", "Cf"):
            return "Le nom du fichier contient des caractères de contrôle ou invisibles : renommez-le."
    return None


def display_name(name: str) -> str:
    """A name safe to put on screen: control characters shown as "?"."""
    return "".join("?" if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in name)


def _read_head(path: Path) -> bytes:
    # Kept apart so tests can simulate an unreadable file (they run as root, which reads anything).
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _is_photo(path: Path, constraints: SubmissionConstraints) -> bool:
    """A JPEG or PNG by content, of a type the server takes (a reduced copy is a JPEG)."""
    try:
        mime = sniff_type(_read_head(path))
    except OSError:
        return False
    return mime in ("image/jpeg", "image/png") and "image/jpeg" in constraints.allowed_types


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str
    shrinkable: bool = False
    """Only too heavy, and a JPEG or PNG: a reduced copy may be offered (see `shrink`)."""


def check_file(
    path: Path, constraints: SubmissionConstraints, *, home: Path | None = None
) -> ChosenFile | Refusal:
    """A file ready to be attached, or why it is refused (in French)."""
    name = path.name
    shown = display_name(name)
    reason = bad_name_reason(name)
    if reason:
        return Refusal(path, reason)
    link: str | None = None
    try:
        lst = path.lstat()
    except OSError:
        return Refusal(path, f"« {shown} » est introuvable : il a peut-être été déplacé ou supprimé.")
    target = path
    if stat.S_ISLNK(lst.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Refusal(path, f"« {shown} » est un lien vers un fichier qui n'existe pas.")
        home = (home or Path.home()).resolve()
        if not _inside(target, home):
            return Refusal(
                path,
                f"« {shown} » est un lien vers un fichier hors de votre dossier personnel "
                f"({display_name(str(target))}) : allez le chercher et choisissez-le directement.",
            )
        link = str(path)
    try:
        st = target.stat()
    except OSError:
        return Refusal(path, f"« {shown} » est introuvable ou inaccessible.")
    if stat.S_ISDIR(st.st_mode):
        return Refusal(path, f"« {shown} » est un dossier : choisissez les fichiers qu'il contient.")
    if not stat.S_ISREG(st.st_mode):
        return Refusal(path, f"« {shown} » n'est pas un fichier ordinaire (périphérique, tube…).")
    if st.st_size == 0:
        return Refusal(path, f"« {shown} » est vide (0 octet).")
    if st.st_size > constraints.max_file_bytes:
        return Refusal(
            path,
            f"« {shown} » pèse {human_size(st.st_size)} : la taille maximale est "
            f"{human_size(constraints.max_file_bytes)} par fichier.",
            shrinkable=_is_photo(target, constraints),
        )
    try:
        head = _read_head(target)
    except OSError:
        return Refusal(path, f"« {shown} » n'est pas lisible (droits d'accès insuffisants).")
    mime = sniff_type(head)
    if mime is None or mime not in constraints.allowed_types:
        if head.startswith(_EXECUTABLES):
            why = "est un programme exécutable, pas un document"
        elif mime is not None:
            why = f"est de type {type_label(mime)}, non accepté"
        else:
            why = "n'a pas le contenu d'un type accepté, quel que soit son nom"
        return Refusal(path, f"« {shown} » {why} (types acceptés : {allowed_labels(constraints)}).")
    return ChosenFile(
        path=str(target), name=name, size=st.st_size, mtime_ns=st.st_mtime_ns,
        content_type=mime, link=link,
    )


def check_batch(
    paths: Iterable[Path],
    constraints: SubmissionConstraints,
    existing: list[ChosenFile],
    *,
    home: Path | None = None,
    too_many: str = "« {name} » : un document compte au plus {n} fichiers.",
) -> tuple[list[ChosenFile], list[Refusal]]:
    """Checks several files for one document (or message) that already holds `existing`.

    Files beyond the per-document maximum are refused (`too_many` says so), as is the same file twice.
    """
    accepted: list[ChosenFile] = []
    refused: list[Refusal] = []
    seen = {f.path for f in existing}
    for path in paths:
        result = check_file(path, constraints, home=home)
        if isinstance(result, Refusal):
            refused.append(result)
        elif result.path in seen:
            refused.append(Refusal(path, f"« {display_name(path.name)} » est déjà joint à ce document."))
        elif len(existing) + len(accepted) >= constraints.max_files_per_document:
            refused.append(Refusal(path, too_many.format(name=display_name(path.name),
                                                         n=constraints.max_files_per_document)))
        else:
            seen.add(result.path)
            accepted.append(result)
    return accepted, refused


def sha256_of(path: Path, chunk_size: int = 256 * 1024) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def ensure_hash(chosen: ChosenFile) -> str:
    """The file's SHA-256, computed once (lazily) and kept in the draft."""
    if chosen.sha256 is None:
        chosen.sha256 = sha256_of(Path(chosen.path))
    return chosen.sha256


def changed_reason(chosen: ChosenFile) -> str | None:
    """Why a chosen file can no longer be sent as chosen (gone, altered), or None if unchanged.

    Size and mtime first; when only the mtime moved and a digest is known, the
    content decides (a file merely touched is still the same document).
    """
    shown = display_name(chosen.name)
    path = Path(chosen.path)
    try:
        st = path.stat()
    except OSError:
        return f"« {shown} » a disparu depuis que vous l'avez choisi : joignez-le à nouveau."
    if not stat.S_ISREG(st.st_mode):
        return f"« {shown} » n'est plus un fichier ordinaire : joignez-le à nouveau."
    changed = f"« {shown} » a été modifié depuis que vous l'avez choisi : vérifiez-le et joignez-le à nouveau."
    if st.st_size != chosen.size:
        return changed
    if st.st_mtime_ns != chosen.mtime_ns:
        if chosen.sha256 is None:
            return changed
        try:
            if sha256_of(path) != chosen.sha256:
                return changed
        except OSError:
            return f"« {shown} » n'est plus lisible : joignez-le à nouveau."
        chosen.mtime_ns = st.st_mtime_ns
    if not os.access(path, os.R_OK):
        return f"« {shown} » n'est plus lisible : joignez-le à nouveau."
    return None
