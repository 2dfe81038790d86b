"""`msa-tui documents list|download`: the documents exchanged with the MSA."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import _script as s

NAME = "documents"
HELP = "les documents échangés avec la MSA"
DESCRIPTION = "Liste les documents reçus et envoyés, ou en télécharge un (dossier Téléchargements par défaut)."


def _download_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="identifiant du document (voir « documents list »)")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="fichier à écrire, ou dossier où l'écrire")


@s.command
async def list_documents(ctx: s.Context, args: argparse.Namespace) -> None:
    from ..core.formatting import direction_word, short_date

    client = ctx.connect()
    items = await s.all_pages(lambda cursor: client.documents(cursor=cursor))
    s.print_list(ctx, items, "Aucun document.", ["ID", "Date", "Sens", "Titre"],
                 lambda d: [d.id, short_date(d.date), direction_word(d.direction), d.title], flex=3)


@s.command
async def download(ctx: s.Context, args: argparse.Namespace) -> None:
    from ..core.documents import download_name
    from .attestations import destination

    client = ctx.connect()
    document = await client.document(args.id)
    path = await client.download_document(document.id, destination(args.output, download_name(document)))
    s.answer(ctx, {"document": document, "path": str(path)}, str(path))


VERBS = [
    ("list", "lister les documents", s.no_arguments, list_documents),
    ("download", "télécharger un document", _download_arguments, download),
]
