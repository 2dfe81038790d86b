"""Option prompts with a hanging indent: a wrapped line stays under its own text at 80 columns."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..core.text import clean_text
from ..widgets.safe import plain_text


def indented(mark: str, text: str | Text, width: int = 4) -> Table:
    """`mark` in a fixed-width column, `text` beside it, wrapping under itself."""
    grid = Table.grid()
    grid.add_column(width=width, no_wrap=True)
    grid.add_column(ratio=1)
    # Rich reads a str cell as markup: text from the server goes in as literal Text.
    grid.add_row(mark, plain_text(text) if isinstance(text, str) else text)
    return grid


def two_lines(title: str, details: str, *, flag: bool = False) -> Group:
    """A bold title (after "● " when `flag`, a sign that reads without colour) and an indented detail line."""
    head = Text()
    if flag:
        head.append("● ", style="bold")
    head.append(clean_text(title), style="bold")
    return Group(head, indented("", details, width=2))
