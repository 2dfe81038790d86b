"""`msa-tui me [--json]`: the member and the household."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "me"
HELP = "l'adhérent connecté et son foyer"
DESCRIPTION = "Affiche l'adhérent connecté (identité, coordonnées, caisse) et les membres de son foyer."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    s.add_common_options(parser)


def run(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        me = await ctx.connect().me()
        if ctx.out.json:
            ctx.out.data(me)
            return s.OK
        from ..core.nir import format_nir
        from ..core.send_document.wizard import people_of

        address = me.address
        ctx.out.line(f"{me.first_name} {me.last_name}")
        ctx.out.line(f"NIR : {format_nir(me.nir)}")
        ctx.out.line(f"Caisse : {me.caisse}")
        ctx.out.line(f"Courriel : {me.email}")
        ctx.out.line(f"Téléphone : {me.phone or '—'}")
        lines = [address.line1, *([address.line2] if address.line2 else []), f"{address.postal_code} {address.city}"]
        ctx.out.line("Adresse : " + ", ".join(lines))
        ctx.out.line("")
        rows = [[person.id, person.label] for person in people_of(me)]
        for line in s.table(["Identifiant", "Personne (pour send-document --person)"], rows, flex=1):
            ctx.out.line(line)
        return s.OK

    return s.run(args, body)
