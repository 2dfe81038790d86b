"""`msa-tui send-document`: the send-a-document wizard without screens, on the same core.

The wizard's own state machine checks the request (object, natures, medical natures refused,
person, motif, files by content, size and count, attestation), and the core `Sender` does the
sending (create → upload → send with the Idempotency-Key), exactly as the screens do.

Idempotent on retry: the request (object, documents, files by SHA-256) gives a key, or
--idempotency-key does; the sending is kept as a draft under that key as it goes. Running the
same command again resumes an interrupted sending from its draft (nothing created or uploaded
twice, the send repeats the same key) and, once sent, prints the same receipt without sending.
A refused sending sent nothing: its draft is deleted and the next run starts afresh.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _script as s

NAME = "send-document"
HELP = "envoyer un document à la MSA (avec accusé de réception)"
DESCRIPTION = (
    "Envoie un document d'un ou plusieurs fichiers (plusieurs documents : --manifest),\n"
    "avec les contrôles de l'assistant : type et taille des fichiers, nombre, natures\n"
    "médicales refusées (à envoyer par courrier), attestation sur l'honneur (--attest).\n"
    "Affiche l'accusé de réception (référence, date, fichiers avec SHA-256) et\n"
    "l'enregistre en PDF dans le dossier Téléchargements. Relancer la même commande\n"
    "après une coupure reprend l'envoi sans rien envoyer deux fois.\n"
    "Codes des objets et natures : msa-tui constraints ; personnes : msa-tui me."
)
DRAFT_KIND = "send_document_cli"
ATTEST_TEXT = ("Ajoutez --attest : « J'atteste sur l'honneur l'exactitude et la conformité des documents "
               "transmis ». Rien n'a été envoyé.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", type=Path, metavar="FICHIER",
                        help="les fichiers du document (PDF, JPEG, PNG)")
    parser.add_argument("--object", metavar="OBJET", help="code de l'objet de la demande")
    parser.add_argument("--nature", metavar="NATURE", help="code de la nature du document")
    parser.add_argument("--person", metavar="PERSONNE",
                        help="identifiant de la personne concernée (par défaut vous-même)")
    parser.add_argument("--motif", metavar="TEXTE", help="motif de l'envoi (par défaut le libellé de la nature)")
    parser.add_argument("--attest", action="store_true",
                        help="j'atteste sur l'honneur l'exactitude et la conformité des documents transmis")
    parser.add_argument("--manifest", type=Path, metavar="PATH",
                        help="fichier TOML ou JSON listant plusieurs documents (voir docs/cli.md)")
    parser.add_argument("--idempotency-key", metavar="CLÉ",
                        help="clé d'idempotence (par défaut, dérivée de la demande et des fichiers)")
    s.add_common_options(parser)


@dataclass
class DocumentRequest:
    nature: str
    person: str | None
    motif: str | None
    files: list[Path] = field(default_factory=list)


@dataclass
class SendRequest:
    object: str
    attest: bool
    documents: list[DocumentRequest]


def _manifest(path: Path) -> dict[str, Any]:
    """The parsed manifest (JSON when it ends in .json, else TOML), or a usage refusal."""
    import json
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise s.Refused(f"Impossible de lire le manifeste « {path} » ({type(exc).__name__}).", s.USAGE,
                        "bad_manifest") from exc
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise s.Refused(f"Le manifeste « {path} » ne se lit pas : {exc}.", s.USAGE, "bad_manifest") from exc
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list) or not data["documents"]:
        raise s.Refused(f"Le manifeste « {path} » doit lister ses documents (documents = [...]).", s.USAGE,
                        "bad_manifest")
    return data


def read_request(args: argparse.Namespace) -> SendRequest:
    """What to send, from the flags or the manifest (file paths relative to the manifest)."""
    if args.manifest is None:
        if args.nature is None or args.object is None:
            raise s.Refused("Indiquez --object et --nature (ou un --manifest).", s.USAGE, "usage")
        if not args.files:
            raise s.Refused("Indiquez au moins un fichier à envoyer.", s.USAGE, "usage")
        return SendRequest(args.object, args.attest,
                           [DocumentRequest(args.nature, args.person, args.motif, list(args.files))])
    if args.nature or args.files or args.person or args.motif:
        raise s.Refused("Avec --manifest, les documents (nature, personne, motif, fichiers) sont dans le manifeste.",
                        s.USAGE, "usage")
    data = _manifest(args.manifest)
    base = args.manifest.parent
    documents = []
    for number, doc in enumerate(data["documents"], start=1):
        files = doc.get("files") if isinstance(doc, dict) else None
        if not isinstance(doc, dict) or not isinstance(doc.get("nature"), str) or not isinstance(files, list):
            raise s.Refused(f"Manifeste, document {number} : « nature » et « files » sont obligatoires.", s.USAGE,
                            "bad_manifest")
        documents.append(DocumentRequest(doc["nature"], doc.get("person"), doc.get("motif"),
                                         [base / str(name) for name in files]))
    obj = args.object or data.get("object")
    if not isinstance(obj, str):
        raise s.Refused("Indiquez l'objet de la demande (--object ou « object » dans le manifeste).", s.USAGE, "usage")
    return SendRequest(obj, args.attest or data.get("attest") is True, documents)


def _codes(choices: list[Any]) -> str:
    return ", ".join(c.code for c in choices)


async def _medical_refusal(client: Any, numbers: list[int]) -> s.Refused:
    from ..core.send_document.wizard import MEDICAL_RULE

    service = await client.service_medical()
    a = service.address
    address = ", ".join([service.name, a.line1, *([a.line2] if a.line2 else []), f"{a.postal_code} {a.city}"])
    which = ", ".join(str(n) for n in numbers)
    return s.Refused(f"Document {which} : {MEDICAL_RULE}\nAdresse postale : {address}. Rien n'a été envoyé.",
                     s.REFUSED, "medical_document")


def build_wizard(request: SendRequest, me: Any, constraints: Any) -> Any:
    """The wizard filled as the screens would, or Refused with every French reason."""
    from ..core.send_document.files import check_batch
    from ..core.send_document.wizard import Step, Wizard, people_of

    people = people_of(me)
    problems: list[str] = []
    if request.object not in {o.code for o in constraints.objects}:
        problems.append(f"Objet inconnu « {request.object} » (codes : {_codes(constraints.objects)}).")
    natures = {n.code: n.label for n in constraints.natures}
    ids = [p.id for p in people]
    wizard = Wizard(me.id, constraints, people)
    wizard.set_object(request.object)
    wizard.set_count(len(request.documents))
    home = Path.home()
    for index, doc in enumerate(request.documents):
        number = index + 1
        if doc.nature not in natures:
            problems.append(f"Document {number} : nature inconnue « {doc.nature} » "
                            f"(codes : {_codes(constraints.natures)}).")
        person = doc.person or me.id
        if person not in ids:
            problems.append(f"Document {number} : personne inconnue « {person} » (identifiants : {', '.join(ids)}).")
        motif = doc.motif if doc.motif is not None else natures.get(doc.nature, "")
        wizard.set_document(index, nature=doc.nature, person_id=person, motif=motif)
        accepted, refused = check_batch(doc.files, constraints, [], home=home)
        problems += [f"Document {number} : {r.reason}" for r in refused]
        wizard.add_files(index, accepted)
    wizard.set_attestation(request.attest)
    wizard.step = Step.RECAP
    known = {p for p in problems}
    problems += [p for p in wizard.errors(Step.RECAP) if p not in known and "choisissez" not in p.lower()]
    if problems:
        raise s.Refused("\n".join(problems) + "\nRien n'a été envoyé.")
    return wizard


def fingerprint(wizard: Any) -> str:
    """A digest of what is sent: the same request with the same file contents gives the same one."""
    import hashlib
    import json

    content = {"object": wizard.object, "documents": [
        {"nature": d.nature, "person": d.person_id, "motif": d.motif.strip(),
         "files": [[f.name, f.sha256] for f in d.files]} for d in wizard.active_documents]}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class TerminalProgress:
    """French progress lines on stderr, only when it is a terminal (a log file gets none)."""

    def __init__(self, wizard: Any, enabled: bool) -> None:
        self.wizard = wizard
        self.enabled = enabled

    def status(self, text: str) -> None:
        if self.enabled:
            print(f"\r\033[K{text}", file=sys.stderr, end="", flush=True)

    def file(self, index: int, position: int, done: int, total: int) -> None:
        if self.enabled and total:
            from ..core.send_document.files import display_name

            name = display_name(self.wizard.documents[index].files[position].name)
            print(f"\r\033[K« {name} » : {100 * done // total} %", file=sys.stderr, end="", flush=True)

    def end(self) -> None:
        if self.enabled:
            print("\r\033[K", file=sys.stderr, end="", flush=True)


@s.command
async def run(ctx: s.Context, args: argparse.Namespace) -> int:
    import asyncio

    from ..core import drafts
    from ..core.send_document.files import ensure_hash
    from ..core.send_document.sending import Outcome, SendProgress, Sender
    from ..core.send_document.wizard import Wizard

    request = read_request(args)
    if not request.attest:  # checked before any call: nothing leaves the machine without it
        raise s.Refused(ATTEST_TEXT, s.REFUSED, "attestation_required")
    client = ctx.connect()
    me = await client.me()
    constraints = await client.submission_constraints()
    medical = [i + 1 for i, d in enumerate(request.documents) if d.nature in set(constraints.medical_natures)]
    if medical:
        raise await _medical_refusal(client, medical)
    wizard = build_wizard(request, me, constraints)
    for _index, _position, chosen in wizard.all_files():
        await asyncio.to_thread(ensure_hash, chosen)
    digest = fingerprint(wizard)
    key = args.idempotency_key or f"cli-{digest[:40]}"
    owner = f"{me.id}:{key}"
    kept = drafts.load_draft(DRAFT_KIND, owner)
    if kept is not None:
        if kept.get("cli_request") != digest:
            raise s.Refused(f"La clé d'idempotence « {key} » a déjà servi pour un autre envoi : "
                            "choisissez-en une autre. Rien n'a été envoyé.", s.REFUSED, "idempotency_key_reused")
        wizard = Wizard.from_dict(kept, constraints, wizard.people)
    else:
        wizard.idempotency_key = key
    already_sent = wizard.receipt is not None

    def save() -> None:
        drafts.save_draft(DRAFT_KIND, owner, {**wizard.to_dict(), "cli_request": digest})

    if not already_sent:
        save()
        terminal = TerminalProgress(wizard, sys.stderr.isatty() and not ctx.out.quiet)
        progress = SendProgress(status=terminal.status, file=terminal.file, changed=save)
        try:
            result = await Sender(client, wizard, progress).run()
        finally:
            terminal.end()
        if result.outcome is Outcome.refused:
            drafts.delete_draft(DRAFT_KIND, owner)
            from ..api.errors import MedicalDocument

            if isinstance(result.error, MedicalDocument):
                raise await _medical_refusal(client, wizard.medical_documents() or [1])
            assert result.error is not None
            raise result.error
        if result.outcome is Outcome.files_failed:
            drafts.delete_draft(DRAFT_KIND, owner)
            raise s.Refused("\n".join(result.problems) + "\nRien n'a été envoyé.")
        if result.outcome is Outcome.interrupted:
            resume = " Relancez la même commande : l'envoi reprendra où il s'est arrêté, sans doublon."
            from ..api.errors import SessionExpired

            if isinstance(result.error, SessionExpired):
                raise s.Refused(s.EXPIRED_TEXT + resume, s.NOT_LOGGED_IN, "unauthorized")
            reason = result.error.message if result.error else "connexion perdue"
            raise s.Refused(s.UNAVAILABLE_TEXT.format(reason=reason.rstrip(".")) + resume, s.UNAVAILABLE,
                            "unavailable")
    return _report(ctx, wizard, already_sent=already_sent)


def _report(ctx: s.Context, wizard: Any, *, already_sent: bool) -> int:
    from ..core.paths import downloads_dir
    from ..core.send_document.receipt import receipt_text, write_receipt_pdf

    receipt = wizard.receipt
    labels = {"nature_labels": {n.code: n.label for n in wizard.constraints.natures},
              "person_labels": {p.id: p.label for p in wizard.people}}
    pdf = write_receipt_pdf(receipt, downloads_dir(), **labels)
    if already_sent:
        ctx.out.note(f"Déjà envoyé (référence {receipt.reference}) : rien n'a été renvoyé.")
    if ctx.out.json:
        ctx.out.data({**s.jsonable(receipt), "receipt_pdf": str(pdf), "already_sent": already_sent})
    else:
        import textwrap

        for line in receipt_text(receipt, **labels).rstrip().splitlines():
            indent = " " * (len(line) - len(line.lstrip()))
            ctx.out.line(textwrap.fill(line, s.WIDTH, subsequent_indent=indent, break_long_words=False) or "")
        ctx.out.line("")
        ctx.out.line(f"Accusé de réception enregistré : {pdf}")
    return s.OK
