"""`msa-tui documents list|download`: the documents exchanged with the MSA."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import _script as s

NAME = "documents"
HELP = "les documents échangés avec la MSA"
DESCRIPTION = "Liste les documents reçus et envoyés, ou en télécharge un (dossier Téléchargements par défaut)."


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    return None


def _download_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="identifiant du document (voir « documents list »)")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="fichier à écrire, ou dossier où l'écrire")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    s.add_common_options(parser)
    s.add_verbs(parser, [
        ("list", "lister les documents", _list_arguments, list_documents),
        ("download", "télécharger un document", _download_arguments, download),
    ])


run = s.run_verb


def list_documents(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        client = ctx.connect()
        items = await s.all_pages(lambda cursor: client.documents(cursor=cursor))
        if s.shown_plainly(ctx, items, "Aucun document."):
            return s.OK
        from ..core.formatting import direction_word, short_date

        rows = [[d.id, short_date(d.date), direction_word(d.direction), d.title] for d in items]
        for line in s.table(["ID", "Date", "Sens", "Titre"], rows, flex=3):
            ctx.out.line(line)
        return s.OK

    return s.run(args, body)


def download(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        from ..core.documents import download_name
        from .attestations import destination

        client = ctx.connect()
        document = await client.document(args.id)
        path = await client.download_document(document.id, destination(args.output, download_name(document)))
        if ctx.out.json:
            ctx.out.data({"document": document, "path": str(path)})
        else:
            ctx.out.line(str(path))
        return s.OK

    return s.run(args, body)
