"""F1: the keys of the screen underneath, with their ids (for the keymap) and descriptions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label, Static

from ..core.i18n import _


MIN_DESCRIPTION = 20
"""Below this the Description column stops shrinking (the table then scrolls sideways)."""


class HelpScreen(ModalScreen[None]):
    """A table of the bindings active on `target` (the screen F1 was pressed on)."""

    BINDINGS = [
        Binding("escape,f1,q", "close", _("Fermer"), id="help.close", tooltip=_("Fermer l'aide")),
    ]

    def __init__(self, target: Screen[object]) -> None:
        super().__init__(id="help")
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label(_("Aide — touches de cet écran"), classes="dialog-title")
            yield Static(getattr(self.app, "about", ""), id="help-about", markup=False)
            yield DataTable(id="help-bindings", cursor_type="row", zebra_stripes=True)
            # At 80 columns the Description column is cut: the highlighted row's is written here in full.
            yield Static("", id="help-detail", markup=False)
            yield Static(
                _("Identifiant : le nom à utiliser dans la section [keymap] de la configuration "
                  "pour changer la touche. Échap ferme l'aide."),
                id="help-hint", markup=False,
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        # The width the table gets is known once laid out: the Description column takes what is
        # left, and its cells wrap (rows grow) instead of being cut.
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        rows = self.rows()
        headers = (_("Touche"), _("Action"), _("Identifiant"))
        widths = [max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)]
        # Cell padding, and room for the vertical scrollbar that the rows will bring.
        room = table.scrollable_content_region.width - 2 * table.cell_padding * 4 - \
            table.styles.scrollbar_size_vertical
        left = room - sum(widths)
        if left < MIN_DESCRIPTION:  # narrow terminal: the Action column wraps too
            widths[1] = max(len(headers[1]), widths[1] - (MIN_DESCRIPTION - left))
            left = room - sum(widths)
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, width=width)
        table.add_column(_("Description"), width=max(MIN_DESCRIPTION, left))
        for key, description, binding_id, tooltip in rows:
            table.add_row(key, description, binding_id, tooltip, height=None)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(key as shown, label, binding id, tooltip) for every visible binding of the target screen."""
        rows: list[tuple[str, str, str, str]] = []
        seen: set[tuple[str, str]] = set()
        for key, active in self.target.active_bindings.items():
            binding = active.binding
            # Only the app's own bindings (they carry an id): the widgets' editing keys
            # (cursor moves, scrolling) are the usual ones and would drown the list.
            if binding.system or not binding.id:
                continue
            marker = (binding.id or binding.action, key)
            if marker in seen:
                continue
            seen.add(marker)
            rows.append((
                self.app.get_key_display(binding),
                binding.description,
                binding.id or "",
                active.tooltip or binding.tooltip or "",
            ))
        return rows

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = event.data_table.get_row(event.row_key)
        key, action, _binding_id, description = (str(cell) for cell in row)
        self.query_one("#help-detail", Static).update(f"{key} : {description or action}")

    def action_close(self) -> None:
        self.dismiss(None)
