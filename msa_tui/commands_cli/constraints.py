"""`msa-tui constraints [--json]`: what the server accepts for send-document, so scripts check first."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "constraints"
HELP = "ce que le serveur accepte pour send-document (objets, natures, fichiers)"
DESCRIPTION = (
    "Affiche les objets et natures de document (codes pour send-document), les\n"
    "natures médicales refusées, les types de fichier, la taille et le nombre maximal."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    s.add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        constraints = await ctx.connect().submission_constraints()
        if ctx.out.json:
            ctx.out.data(constraints)
            return s.OK
        from ..core.send_document.files import allowed_labels, human_size

        medical = set(constraints.medical_natures)
        ctx.out.line("Objets (--object) :")
        for line in s.table(["Code", "Libellé"], [[c.code, c.label] for c in constraints.objects], flex=1):
            ctx.out.line("  " + line)
        ctx.out.line("")
        ctx.out.line("Natures (--nature) :")
        rows = [[c.code, c.label + (" (médical : refusé, par courrier)" if c.code in medical else "")]
                for c in constraints.natures]
        for line in s.table(["Code", "Libellé"], rows, flex=1):
            ctx.out.line("  " + line)
        ctx.out.line("")
        ctx.out.line(f"Types de fichier : {allowed_labels(constraints)}")
        ctx.out.line(f"Taille maximale : {human_size(constraints.max_file_bytes)} par fichier")
        ctx.out.line(f"Fichiers par document : {constraints.max_files_per_document} au plus")
        ctx.out.line(f"Documents par envoi : {constraints.max_documents} au plus")
        ctx.out.line(f"Motif : {constraints.max_motif_length} caractères au plus")
        return s.OK

    return s.run(args, body)
