"""Offering a reduced copy of each photographed page refused as too heavy (the wizard and messages alike)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.screen import Screen

from ...api.models import SubmissionConstraints
from ...core.i18n import _
from ...core.send_document.files import Refusal, check_file
from ...core.send_document.shrink import CannotShrink, offer_words, reduced_dir, reduced_name, shrink
from ...core.send_document.wizard import ChosenFile
from .dialogs import ShrinkDialog


async def offer_shrinks(
    screen: Screen, refused: list[Refusal], constraints: SubmissionConstraints, *, kind: str, owner: str,
    room: int, say: Callable[[str], object],
) -> tuple[list[ChosenFile], list[str]]:
    """For each too-heavy JPEG/PNG (while `room` is left): make the copy, show its size, join it if the
    member says so. Returns the copies joined and the refusal lines (French) for the rest.

    Runs in a worker (it waits for the dialog). The copy is made before asking, so the size shown
    is the size sent; a copy declined is removed at once."""
    joined: list[ChosenFile] = []
    lines: list[str] = []
    for refusal in refused:
        if not refusal.shrinkable or len(joined) >= room:
            lines.append(_("Refusé : ") + refusal.reason)
            continue
        say(_("Réduction de « {name} »…").format(name=refusal.path.name))
        made = await asyncio.to_thread(shrink, refusal.path, constraints.max_file_bytes,
                                       reduced_dir(kind, owner), name=refusal.path.name)
        say("")
        if isinstance(made, CannotShrink):
            lines.append(_("Refusé : ") + made.reason)
            continue
        if not await screen.app.push_screen_wait(ShrinkDialog(offer_words(refusal.path.name, made))):
            made.path.unlink(missing_ok=True)
            lines.append(_("Refusé : ") + refusal.reason)
            continue
        copy = check_file(made.path, constraints)
        if isinstance(copy, Refusal):  # cannot happen short of a full disk: said, never sent
            made.path.unlink(missing_ok=True)
            lines.append(_("Refusé : ") + copy.reason)
            continue
        copy.name = reduced_name(refusal.path.name)
        joined.append(copy)
    return joined, lines
