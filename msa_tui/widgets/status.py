"""The portal header: portal name, page title, the connected state and, while acting for someone, whose
space is on show — all written in words, by one widget.

It used to be six widgets (a row of three Labels and an acting line); each widget costs a few ms
before the first frame, so the header now draws its parts itself, cell for cell as those Labels did:
the same widths, the title's first wrapped row, the same styles. It draws rows (`render_line`)
rather than one Content: a Content gives every cell of the line the text colour, where the Labels'
padding and room after their words carry the background alone — and the cells, as the snapshots
record them, would differ.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widget import Widget

from ..core.i18n import _

if TYPE_CHECKING:
    from textual.geometry import Size

PORTAL_NAME = "Mon espace privé — MSA"
CONNECTED = "● Connecté"
DISCONNECTED = "○ Déconnecté"
BACK_HINT = "F8 : revenir à mon espace"


def _acting_name(app: object) -> str | None:
    """Whose space is on show (None in one's own), from the app's session."""
    acting = getattr(getattr(app, "session", None), "acting", None)
    return None if acting is None else str(acting.principal_name)


class PortalHeader(Widget):
    """One line docked on top (name, optional page title, "● Connecté" / "○ Déconnecté"), and one more
    while acting for someone ("▶ Vous agissez pour … · F8 : revenir à mon espace").

    The words carry the meaning, the style only repeats it. Its state is read when it is built (so a
    page that opens draws it once); afterwards it follows the app's `me` reactive (a profile means a
    live session; switching spaces changes it), re-drawing only when the words change.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "portal-header--name", "portal-header--title", "portal-header--connected",
        "portal-header--disconnected", "portal-header--acting",
    }
    DEFAULT_CSS = """
    PortalHeader {
        dock: top;
        width: 1fr;
        height: auto;
        background: $panel;
        & > .portal-header--name { padding: 0 1; text-style: bold; }
        & > .portal-header--title { padding: 0 1; color: $text-muted; }
        & > .portal-header--connected { padding: 0 1; text-style: bold; color: $text-success; }
        & > .portal-header--disconnected { padding: 0 1; text-style: bold; color: $text-warning; }
        & > .portal-header--acting { padding: 0 1; text-style: bold; background: $warning-muted; }
    }
    """

    def __init__(self, page_title: str = "") -> None:
        super().__init__()
        self.page_title = page_title
        try:
            app: object | None = self.app  # the app composing the page
        except RuntimeError:  # Textual's NoActiveAppError: built outside a running app
            app = None
        self._connected = getattr(app, "me", None) is not None
        self._acting = _acting_name(app)

    # --- what it says ------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def acting(self) -> bool:
        return self._acting is not None

    def _title_words(self) -> str:
        return f"· {self.page_title}" if self.page_title else ""

    def _status_words(self) -> str:
        return _(CONNECTED) if self._connected else _(DISCONNECTED)

    def _acting_words(self) -> str:
        """The second line ("" in one's own space)."""
        if self._acting is None:
            return ""
        # Imported only while acting: the login screen paints without the API models.
        from ..core.procurations import acting_words

        return f"▶ {acting_words(self._acting)} · {_(BACK_HINT)}"

    @property
    def text(self) -> str:
        """The words shown, whole (the title is cut on narrow screens): the line, then the acting line."""
        title = f" {self._title_words()}" if self.page_title else ""
        line = f"{_(PORTAL_NAME)}{title} {self._status_words()}"
        return f"{line}\n{self._acting_words()}" if self._acting is not None else line

    # --- following the session ---------------------------------------------------------

    def on_mount(self) -> None:
        if hasattr(self.app, "me"):
            self.watch(self.app, "me", self._me_changed, init=False)
            self._me_changed(self.app.me)  # only re-draws if `me` changed since construction

    def _me_changed(self, me: object | None) -> None:
        connected = me is not None
        acting = _acting_name(self.app)
        if (connected, acting) == (self._connected, self._acting):
            return
        layout = acting != self._acting  # the acting line comes, goes or changes its rows
        self._connected, self._acting = connected, acting
        self.refresh(layout=layout)

    # --- drawing -----------------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self._acting_lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._top_line(width)
        lines = self._acting_lines(width)
        if y - 1 < len(lines):
            return lines[y - 1]
        return Strip.blank(width, Style(background=self.visual_style.background).rich_style)

    def _box(self, component: str, words: str, width: int | None = None) -> list[Strip]:
        """What a Label with this component's style draws, row by row: its words wrapped inside its
        padding (one row at least), the room after them and the padding in the background alone;
        `width` None means as wide as its words (width: auto)."""
        styles = self.get_component_styles(component)
        left, right = styles.padding.left, styles.padding.right
        content = Content(words)
        if width is None:
            width = content.cell_length + left + right
        inner = max(width - left - right, 0)
        style = self.get_visual_style(component)
        blank = Style(background=style.background).rich_style
        rows = content.render_strips(inner, None, style, RenderOptions(self._get_style, {})) if inner else []
        # A Label is as high as its wrapped words, one row at least: with no room it draws an empty run in
        # its text style, kept so that the cells match what the Labels drew.
        rows = rows or [Strip.blank(inner, style.rich_style)]
        pad_left = [Segment(" " * left, blank)] if left else []
        pad_right = [Segment(" " * right, blank)] if right else []
        # (cut to `width` only when the padding alone is wider)
        return [Strip([*pad_left, *row.adjust_cell_length(inner, blank), *pad_right]).crop(0, width) for row in rows]

    def _top_line(self, width: int) -> Strip:
        """Name and status as wide as their words, the title the room left (its padding at least) and
        only its first row: the row is cut at the screen's edge, as the Horizontal did."""
        name = self._box("portal-header--name", _(PORTAL_NAME))[0]
        status_class = "portal-header--connected" if self._connected else "portal-header--disconnected"
        status = self._box(status_class, self._status_words())[0]
        title_words = self._title_words()
        title_padding = self.get_component_styles("portal-header--title").padding.width
        room = max(width - name.cell_length - status.cell_length, title_padding)
        title = self._box("portal-header--title", title_words, room)[0]
        return Strip.join([name, title, status]).crop(0, width)

    def _acting_lines(self, width: int) -> list[Strip]:
        """The acting line across the whole width, wrapped as a Label's words wrap (none in one's own space)."""
        if self._acting is None or width <= 0:
            return []
        return self._box("portal-header--acting", self._acting_words(), width)
