"""A checkbox whose state is written ("[x]" / "[ ]"), not only coloured: readable with NO_COLOR."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.widgets import Checkbox, RadioButton

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


def written_button(toggle: Checkbox | RadioButton, mark: str, brackets: str = "[]") -> Content:
    """A toggle's button with its state written: `mark` between the brackets when on, a space when off
    (for a toggle's `_button`: "[x]"/"[ ]" for a checkbox, `written_button(self, "•", "()")` for a radio)."""
    style = toggle.get_visual_style("toggle--button")
    return Content.assemble(brackets[0], (mark if toggle.value else " ", style), brackets[1])


class TextCheckbox(Checkbox):
    """Checkbox drawn as "[x] label" or "[ ] label"."""

    DEFAULT_CSS = """
    TextCheckbox { border: none; padding: 0 1 0 0; height: 1; background: transparent; }
    TextCheckbox:focus { border: none; text-style: bold reverse; }
    TextCheckbox > .toggle--button { background: transparent; color: $text; }
    """

    @property
    def _button(self) -> Content:
        return written_button(self, "x")


class WrappedCheckbox(TextCheckbox):
    """A TextCheckbox whose long label wraps instead of ending in "…" (e.g. a sentence one attests).

    Textual's toggle buttons are one line high whatever their width; here the height follows
    the label at the width given.
    """

    DEFAULT_CSS = """
    WrappedCheckbox { height: auto; width: 1fr; text-wrap: wrap; text-overflow: fold; }
    """

    def get_content_height(self, container, viewport, width: int) -> int:
        # Textual's own widgets pass their styles as the rules (RenderStyles reads like a RulesMap).
        return max(1, self.render().get_height(cast("RulesMap", self.styles), width))
