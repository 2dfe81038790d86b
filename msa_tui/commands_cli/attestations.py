"""`msa-tui attestations get KIND [--from] [--to] [-o PATH]`: an attestation PDF, its path printed."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import _script as s

NAME = "attestations"
HELP = "les attestations (PDF) : paiement, droits, médecin traitant…"
DESCRIPTION = (
    "Télécharge une attestation en PDF, dans le dossier Téléchargements par défaut\n"
    "(sans jamais remplacer un fichier), et affiche son chemin."
)
KINDS = ("paiement", "non_paiement", "medecin_traitant", "droits_maladie", "droits_rsa")
"""The API's AttestationKind codes (a test keeps them equal)."""
PERIOD_KINDS = ("paiement", "non_paiement")


def _get_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, metavar="TYPE", help="type : " + ", ".join(KINDS))
    parser.add_argument("--from", dest="date_from", type=s.iso_day, metavar="AAAA-MM-JJ",
                        help="début de la période (paiement, non_paiement)")
    parser.add_argument("--to", dest="date_to", type=s.iso_day, metavar="AAAA-MM-JJ",
                        help="fin de la période (paiement, non_paiement)")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="fichier à écrire, ou dossier où l'écrire")


def destination(output: Path | None, name: str) -> Path:
    """Where a download goes: -o as given (a folder: inside it), else the Downloads folder; never over a file."""
    from ..core.documents import unique_path
    from ..core.paths import downloads_dir

    if output is not None and not output.is_dir():
        return output
    return unique_path(output if output is not None else downloads_dir(), name)


@s.command
async def get(ctx: s.Context, args: argparse.Namespace) -> None:
    if args.kind not in PERIOD_KINDS and (args.date_from or args.date_to):
        raise s.Refused(f"--from et --to ne valent que pour {' et '.join(PERIOD_KINDS)}.", s.USAGE, "usage")
    s.check_period(args.date_from, args.date_to)
    from ..api.models import AttestationKind
    from ..core.clock import today
    from ..core.payments import Period, attestation_name

    kind = AttestationKind(args.kind)
    period = Period(args.date_from, args.date_to)
    dest = destination(args.output, attestation_name(kind, period, today()))
    path = await ctx.connect().attestation(kind, dest, date_from=args.date_from, date_to=args.date_to)
    s.answer(ctx, {"kind": kind.value, "path": str(path)}, str(path))


VERBS = [("get", "télécharger une attestation", _get_arguments, get)]
