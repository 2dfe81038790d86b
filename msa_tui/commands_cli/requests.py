"""`msa-tui requests list|show`: the démarches filed and where they stand."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "requests"
HELP = "les démarches déposées et leur suivi"
DESCRIPTION = "Liste les démarches déposées, ou affiche l'une d'elles avec ses réponses et son historique."


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="identifiant de la démarche (voir « requests list »)")


@s.command
async def list_requests(ctx: s.Context, args: argparse.Namespace) -> None:
    from ..core.formatting import short_date
    from ..core.requests import status_label

    items = (await ctx.connect().requests()).items  # the endpoint answers one page: all of them
    s.print_list(ctx, items, "Aucune démarche.", ["ID", "Déposée", "Démarche", "État"],
                 lambda r: [r.id, short_date(r.filed_at), r.label, status_label(r.status)], flex=2)


def _request_lines(request) -> list[str]:
    from ..core.formatting import short_date
    from ..core.requests import status_label

    lines = [f"{request.label} — {status_label(request.status)}",
             f"Déposée le {short_date(request.filed_at)}, mise à jour le {short_date(request.updated_at)}"]
    if request.answers:
        lines += ["", "Réponses :"]
        lines += [f"  {name} : {'—' if value is None else value}" for name, value in request.answers.items()]
    lines += ["", "Historique :"]
    for event in request.timeline:
        comment = f" — {event.comment}" if event.comment else ""
        lines.append(f"  {short_date(event.at)}  {status_label(event.status)}{comment}")
    return lines


@s.command
async def show(ctx: s.Context, args: argparse.Namespace) -> None:
    request = await ctx.connect().request(args.id)
    s.answer(ctx, request, *_request_lines(request))


VERBS = [
    ("list", "lister les démarches", s.no_arguments, list_requests),
    ("show", "afficher une démarche", _id_argument, show),
]
