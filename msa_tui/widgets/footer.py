"""The pages' footer: the screen's keys on one line, drawn by a single widget.

It looks like Textual's Footer (same theme variables, same spacing, binding groups shown as
"1234 Ouvrir un bloc") but is one widget instead of one per key: Textual's Footer mounts a
widget per key and rebuilds them all after every focus change, which was the largest step
before the login screen's first paint. Keys still work with the mouse (a click presses the
key, a disabled one rings the bell) and show their tooltip on hover. The palette key is left
out: F1 lists it, and at 80 columns its room goes to the page's keys.
"""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from ..core.i18n import _


KEPT_IDS = frozenset({"app.help", "app.quit", "app.logout"})
"""Keys never dropped when the line is too narrow."""

# Textual's own widgets bring English words to the footer (the open Select's Escape).
_TEXTUAL_WORDS = {"Dismiss menu": "Fermer la liste"}


class FooterItem(NamedTuple):
    """One clickable key on the footer line, between columns `start` and `end` (a NamedTuple, not a
    dataclass: the footer is on the login screen's path, where each dataclass costs ~0.5 ms)."""

    key: str
    start: int
    end: int
    enabled: bool
    tooltip: str


class MsaFooter(Widget):
    """The active bindings with `show=True`, as Textual's Footer draws them."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "msa-footer--key", "msa-footer--description", "msa-footer--hover",
    }
    DEFAULT_CSS = """
    MsaFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .msa-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .msa-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .msa-footer--hover { background: $block-hover-background; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: list[FooterItem] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen:
            self.refresh()

    def _shown(self) -> list[tuple[Any, bool, str]]:
        """(binding, enabled, tooltip) of the keys to show: one per action, in binding order."""
        by_action: dict[str, tuple[Any, bool, str]] = {}
        # A screen may leave app keys off its footer (they still work, F1 lists them).
        hidden: frozenset[str] = getattr(self.screen, "FOOTER_HIDDEN", frozenset())
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in by_action and binding.id not in hidden:
                by_action[binding.action] = (binding, enabled, tooltip or binding.tooltip or "")
        return list(by_action.values())

    def render(self) -> Text:
        """The keys on one line; when they do not fit, the page's last keys give way first.

        F1, Ctrl+Q and Ctrl+L (KEPT_IDS) always stay: they are the way out and the way to
        the full list of keys (F1), which matters most to someone helping over SSH at 80 columns.
        """
        shown = self._shown()
        width = self.size.width
        line = self._render_line(shown)
        while width and line.cell_len > width:
            droppable = [k for k, item in enumerate(shown) if item[0].id not in KEPT_IDS]
            if not droppable:
                break
            del shown[droppable[-1]]
            line = self._render_line(shown)
        return line

    def _render_line(self, shown: list[tuple[Any, bool, str]]) -> Text:
        key_style = self.get_component_rich_style("msa-footer--key")
        text_style = self.get_component_rich_style("msa-footer--description")
        hover_style = self.get_component_rich_style("msa-footer--hover", partial=True)
        line = Text(no_wrap=True, end="")
        items: list[FooterItem] = []

        def add_key(binding: Any, enabled: bool, tooltip: str, parts: list[tuple[str, Style]]) -> None:
            start = line.cell_len
            dim = Style() if enabled else Style(dim=True)
            hover = hover_style if len(items) == self._hover else Style()
            for part, style in parts:
                if part:
                    line.append(part, style + dim + hover if dim or hover else style)
            items.append(FooterItem(binding.key, start, line.cell_len, enabled, tooltip))

        index = 0
        while index < len(shown):
            binding, enabled, tooltip = shown[index]
            group = binding.group
            members = [shown[index]]
            while group is not None and index + len(members) < len(shown) \
                    and shown[index + len(members)][0].group == group:
                members.append(shown[index + len(members)])
            index += len(members)
            if len(members) > 1:
                # Textual's KeyGroup: keys side by side (compact) or spaced, then the group's words.
                gap = "" if group.compact else " "
                line.append(" " if group.compact else "")
                plain = group.compact and self._hover is None and all(m[1] for m in members)
                if plain:
                    # One run of text, as Textual's Footer ends up drawing it; each key stays clickable.
                    start = line.cell_len
                    line.append("".join(self.app.get_key_display(m[0]) for m in members), key_style)
                for member, member_enabled, member_tip in members:
                    display = self.app.get_key_display(member)
                    if plain:
                        items.append(FooterItem(member.key, start, start + len(display), True,
                                                member_tip or group.description))
                        start += len(display)
                        continue
                    line.append(gap)
                    add_key(member, member_enabled, member_tip or group.description, [(display, key_style)])
                    line.append(gap)
                line.append(" " if group.compact else "")
                line.append(group.description, text_style)
                line.append(" ")
            else:
                description = binding.description
                if description in _TEXTUAL_WORDS:
                    description = _(_TEXTUAL_WORDS[description])
                add_key(binding, enabled, tooltip, [
                    (f" {self.app.get_key_display(binding)} ", key_style),
                    (f"{description} " if description else "", text_style),
                ])
        self._items = items
        return line

    def _item_at(self, x: int) -> int | None:
        for position, item in enumerate(self._items):
            if item.start <= x < item.end:
                return position
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        position = self._item_at(event.x)
        if position != self._hover:
            self._hover = position
            self.tooltip = self._items[position].tooltip if position is not None else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        position = self._item_at(event.x)
        if position is None:
            return
        item = self._items[position]
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def keys_shown(self) -> list[str]:
        """The keys that fit on the line, as "key description" (what the member can read)."""
        words = self.render().plain
        return [words[item.start:item.end].strip() for item in self._items if item.end <= self.size.width]
