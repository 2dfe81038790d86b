"""Saving what the server sends into the member's Downloads folder, under a name that replaces no file."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from ..core.documents import unique_path
from ..core.i18n import _
from .base import PageScreen

UNWRITABLE = "Le dossier Téléchargements n'est pas accessible en écriture."


async def save_in_downloads(
    screen: PageScreen, name: str, fetch: Callable[[Path], Awaitable[Path]], failed: str
) -> tuple[Path | None, str | None]:
    """Let `fetch(dest)` write the file at a free `dest` named after `name`, through `screen.call`.

    Returns (path, None) once written; (None, French reason) when the folder cannot be written.
    `ApiError`s propagate (an unreachable server worded `failed`, see `PageScreen.call`), so
    that each page words its refusals its own way.
    """
    from ..core.paths import downloads_dir

    try:
        dest = unique_path(downloads_dir(), name)
        path = await screen.call(lambda: fetch(dest), failed)
    except OSError:
        return None, _(UNWRITABLE)
    return path, None
