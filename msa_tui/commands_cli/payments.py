"""`msa-tui payments list`: the payments, as a table at 80 columns, JSON or CSV."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "payments"
HELP = "les paiements reçus de la MSA"
DESCRIPTION = (
    "Liste les paiements, du plus récent au plus ancien : tableau (80 colonnes),\n"
    "JSON (--json, les modèles de l'API) ou CSV (--csv, séparateur « ; »)."
)
DOMAINS = ("sante", "famille", "retraite", "action_sanitaire_sociale", "rsa", "prime_activite", "logement",
           "invalidite")
"""The API's Domain codes (a test keeps them equal): listed here so --help stays light."""
DEFAULT_LIMIT = 50


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--domain", choices=DOMAINS, metavar="DOMAINE",
                        help="un seul domaine : " + ", ".join(DOMAINS))
    parser.add_argument("--from", dest="date_from", type=s.iso_day, metavar="AAAA-MM-JJ", help="depuis ce jour")
    parser.add_argument("--to", dest="date_to", type=s.iso_day, metavar="AAAA-MM-JJ", help="jusqu'à ce jour")
    count = parser.add_mutually_exclusive_group()
    count.add_argument("--limit", type=s.positive, metavar="N", default=DEFAULT_LIMIT,
                       help=f"au plus N paiements (par défaut {DEFAULT_LIMIT})")
    count.add_argument("--all", action="store_true", help="tous les paiements de la période")
    parser.add_argument("--csv", action="store_true", help="résultat en CSV (avec en-tête)")


# A read: the light client (no httpx, no pydantic, no event loop; docs/decisions.md).
@s.light_command
async def list_payments(ctx: s.Context, args: argparse.Namespace) -> None:
    if args.csv and ctx.out.json:
        raise s.Refused("Choisissez --json ou --csv, pas les deux.", s.USAGE, "usage")
    s.check_period(args.date_from, args.date_to)
    from ..core.payments import load_batch

    client = ctx.connect()

    async def fetch(cursor: str | None, size: int):
        return await client.payments(domain=args.domain, date_from=args.date_from, date_to=args.date_to,
                                     limit=size, cursor=cursor)

    batch = await load_batch(fetch, cap=None if args.all else args.limit)
    assert batch is not None  # direct calls raise instead of answering None
    if ctx.out.json:
        ctx.out.data(batch.items)
    elif args.csv:
        _print_csv(batch.items)
    else:
        _print_table(ctx, batch.items, complete=batch.complete)


def _print_csv(items: list) -> None:
    import csv
    import sys

    from ..core.payments import csv_rows

    csv.writer(sys.stdout, delimiter=";", lineterminator="\n").writerows(csv_rows(items))


def _print_table(ctx: s.Context, items: list, *, complete: bool) -> None:
    from ..core.formatting import counted, money
    from ..core.payments import domain_label, total

    if not items:
        ctx.out.line("Aucun paiement sur cette période.")
        return
    rows = [[f"{p.date:%d/%m/%Y}", domain_label(p.domain, short=True), p.label, money(p.amount).replace("\u00a0", " ")]
            for p in items]
    s.print_table(ctx, ["Date", "Domaine", "Libellé", "Montant"], rows, flex=2, right=frozenset({3}))
    ctx.out.line("")
    summary = counted(len(items), "{n} paiement", "{n} paiements") + f", total {money(total(items))}".replace(
        "\u00a0", " ")
    ctx.out.line(summary)
    if not complete:
        ctx.out.note("D'autres paiements existent sur cette période : --limit N ou --all pour les voir.")


VERBS = [("list", "lister les paiements", _list_arguments, list_payments)]
