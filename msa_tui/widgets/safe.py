"""The one way text from outside (server, file system) reaches the screen.

Cleaned of control characters (see `msa_tui.core.text`) and never read as Textual or Rich
markup: a label holding "[@click=app.quit]" shows those characters, it does not become a
link, and "[/]" cannot crash the app. Widgets get `Content` / `Text` objects, toasts get
`markup=False`. tests/ui/test_hostile.py walks every page with a hostile server.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content

from msa_tui.core.text import clean_text


def plain(text: object, *, multiline: bool = True) -> Content:
    """Literal content for Static, Label, Option, Button, `.update()`…"""
    return Content(clean_text(str(text), multiline=multiline))


def plain_text(text: object, style: str = "") -> Text:
    """Literal Rich text for table cells and renderables built with Rich."""
    return Text(clean_text(str(text), multiline=True), style=style)


def literal(renderable: object) -> Any:
    """A prompt as given, but a plain `str` never reaches a widget that would read it as markup."""
    return plain(renderable) if isinstance(renderable, str) else renderable


def notify_plain(widget: Any, message: object, **kwargs: Any) -> None:
    """`widget.notify(message)` with the message cleaned and never read as markup."""
    title = kwargs.pop("title", "")
    widget.notify(clean_text(str(message), multiline=True), title=clean_text(str(title)), markup=False, **kwargs)
