"""`msa-tui me [--json]`: the member and the household."""

from __future__ import annotations

import argparse

from . import _script as s

NAME = "me"
HELP = "l'adhérent connecté et son foyer"
DESCRIPTION = "Affiche l'adhérent connecté (identité, coordonnées, caisse) et les membres de son foyer."


add_arguments = s.add_common_options


def _me_lines(me) -> list[str]:
    from ..core.nir import format_nir
    from ..core.send_document.wizard import people_of

    address = me.address
    where = [address.line1, *([address.line2] if address.line2 else []), f"{address.postal_code} {address.city}"]
    rows = [[person.id, person.label] for person in people_of(me)]
    return [f"{me.first_name} {me.last_name}", f"NIR : {format_nir(me.nir)}", f"Caisse : {me.caisse}",
            f"Courriel : {me.email}", f"Téléphone : {me.phone or '—'}", "Adresse : " + ", ".join(where), "",
            *s.table(["Identifiant", "Personne (pour send-document --person)"], rows, flex=1)]


@s.command
async def run(ctx: s.Context, args: argparse.Namespace) -> None:
    me = await ctx.connect().me()
    s.answer(ctx, me, *_me_lines(me))
