"""A checkbox whose state is written ("[x]" / "[ ]"), not only coloured: readable with NO_COLOR."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TextCheckbox(Checkbox):
    """Checkbox drawn as "[x] label" or "[ ] label"."""

    DEFAULT_CSS = """
    TextCheckbox { border: none; padding: 0 1 0 0; height: 1; background: transparent; }
    TextCheckbox:focus { border: none; text-style: bold reverse; }
    TextCheckbox > .toggle--button { background: transparent; color: $text; }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble("[", ("x" if self.value else " ", style), "]")
