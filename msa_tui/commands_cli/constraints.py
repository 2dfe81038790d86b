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


add_arguments = s.add_common_options


def _constraints_lines(constraints) -> list[str]:
    from ..core.send_document.files import allowed_labels, human_size

    medical = set(constraints.medical_natures)
    objects = [[c.code, c.label] for c in constraints.objects]
    natures = [[c.code, c.label + (" (médical : refusé, par courrier)" if c.code in medical else "")]
               for c in constraints.natures]
    return [
        "Objets (--object) :", *("  " + line for line in s.table(["Code", "Libellé"], objects, flex=1)), "",
        "Natures (--nature) :", *("  " + line for line in s.table(["Code", "Libellé"], natures, flex=1)), "",
        f"Types de fichier : {allowed_labels(constraints)}",
        f"Taille maximale : {human_size(constraints.max_file_bytes)} par fichier",
        f"Fichiers par document : {constraints.max_files_per_document} au plus",
        f"Documents par envoi : {constraints.max_documents} au plus",
        f"Motif : {constraints.max_motif_length} caractères au plus",
    ]


@s.command
async def run(ctx: s.Context, args: argparse.Namespace) -> None:
    constraints = await ctx.connect().submission_constraints()
    s.answer(ctx, constraints, *_constraints_lines(constraints))
