"""Table columns from a short spec: the French header, the column key, a width (None: the rest)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from ..core.i18n import _

Column = tuple[str, str, int | None]
"""(French header, key, width or None for the column that takes what is left)."""


def add_columns(table: DataTable[object], columns: Sequence[Column], *, right: frozenset[str] = frozenset()) -> None:
    """Add `columns` in order; the keys in `right` (amounts) have their header aligned right."""
    for header, key, width in columns:
        label = Text(_(header), justify="right") if key in right else _(header)
        table.add_column(label, key=key, width=width)
