"""`msa-tui requests list|show`: the démarches filed and where they stand."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "requests"
HELP = "les démarches déposées et leur suivi"
DESCRIPTION = "Liste les démarches déposées, ou affiche l'une d'elles avec ses réponses et son historique."


def _none(parser: argparse.ArgumentParser) -> None:
    return None


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="identifiant de la démarche (voir « requests list »)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    s.add_common_options(parser)
    s.add_verbs(parser, [
        ("list", "lister les démarches", _none, list_requests),
        ("show", "afficher une démarche", _id_argument, show),
    ])


run = s.run_verb


def list_requests(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        items = (await ctx.connect().requests()).items  # the endpoint answers one page: all of them
        if s.shown_plainly(ctx, items, "Aucune démarche."):
            return s.OK
        from ..core.formatting import short_date
        from ..core.requests import status_label

        rows = [[r.id, short_date(r.filed_at), r.label, status_label(r.status)] for r in items]
        for line in s.table(["ID", "Déposée", "Démarche", "État"], rows, flex=2):
            ctx.out.line(line)
        return s.OK

    return s.run(args, body)


def show(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        request = await ctx.connect().request(args.id)
        if ctx.out.json:
            ctx.out.data(request)
            return s.OK
        from ..core.formatting import short_date
        from ..core.requests import status_label

        ctx.out.line(f"{request.label} — {status_label(request.status)}")
        ctx.out.line(f"Déposée le {short_date(request.filed_at)}, mise à jour le {short_date(request.updated_at)}")
        if request.answers:
            ctx.out.line("")
            ctx.out.line("Réponses :")
            for name, value in request.answers.items():
                ctx.out.line(f"  {name} : {'—' if value is None else value}")
        ctx.out.line("")
        ctx.out.line("Historique :")
        for event in request.timeline:
            comment = f" — {event.comment}" if event.comment else ""
            ctx.out.line(f"  {short_date(event.at)}  {status_label(event.status)}{comment}")
        return s.OK

    return s.run(args, body)
