"""A keyboard file picker: a filtered directory tree, marks for several files, size and type beside."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import DirectoryTree, Static
from textual.widgets._tree import TreeNode
from textual.widgets._directory_tree import DirEntry

from ..api.models import SubmissionConstraints
from ..core.send_document.files import (
    Refusal,
    allowed_extensions,
    check_file,
    display_name,
    human_size,
    type_label,
)
from ..core.i18n import _


def default_start_dir() -> Path:
    """The user's Documents folder when there is one, else the home folder."""
    home = Path.home()
    docs = home / "Documents"
    return docs if docs.is_dir() else home


def short_path(path: Path) -> str:
    """A path as people write it: "~/Documents" under the home folder."""
    try:
        rel = Path(path).resolve().relative_to(Path.home().resolve())
        return "~" if str(rel) == "." else f"~/{rel}"
    except ValueError:
        return str(path)


class FileTree(DirectoryTree):
    """A DirectoryTree showing only acceptable files (by extension) unless `show_all`; space marks files.

    The extension filter only tidies the list: the content of each file decides later.
    """

    ICON_NODE_EXPANDED = "▾ "
    ICON_NODE = "▸ "
    ICON_FILE = ""

    BINDINGS = [
        Binding("space", "toggle_mark", _("Marquer"), id="picker.mark", tooltip=_("Marquer ou démarquer ce fichier")),
        Binding("a", "toggle_all_types", _("Tous types"), id="picker.all",
                tooltip=_("Afficher aussi les fichiers d'autres types")),
        Binding("backspace", "parent", _("Dossier parent"), id="picker.parent",
                tooltip=_("Remonter au dossier parent")),
    ]

    show_all: var[bool] = var(False)

    class MarksChanged(Message):
        def __init__(self, marked: list[Path]) -> None:
            super().__init__()
            self.marked = marked

    def __init__(self, path: Path, extensions: set[str], *, id: str | None = None) -> None:
        super().__init__(path, id=id)
        self.extensions = {e.lower() for e in extensions}
        self.marked: list[Path] = []
        self.top: Path | None = None
        """Kiosk mode: the folder the tree never goes above (the desk's documents folder)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for path in paths:
            if path.name.startswith(".") and not self.show_all:
                continue
            if self.show_all or self._safe_is_dir(path) or path.suffix.lower() in self.extensions:
                out.append(path)
        return out

    def watch_show_all(self) -> None:
        if self.is_mounted:
            self.reload()

    def process_label(self, label: str | Text) -> Text:
        # A file name is the file system's text: control characters shown as "?", never markup.
        return super().process_label(display_name(label) if isinstance(label, str) else label)

    def render_label(self, node: TreeNode[DirEntry], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        if node.data is not None and not node.allow_expand:
            label = Text.assemble("[x] " if node.data.path in self.marked else "[ ] ", label)
        if self.app.no_color:
            # Without colour the cursor's grey background is lost and bold already marks folders:
            # a pointer shows which line Space and Entrée act on.
            label = Text.assemble("› " if node is self.cursor_node else "  ", label)
        return label

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        # The tree caches each line by its nodes' update counts: the pointer moves only when
        # the two nodes are marked as changed.
        for node in (self._get_node(previous_line), self._get_node(line)):
            if node is not None:
                node._updates += 1
        super().watch_cursor_line(previous_line, line)

    def action_toggle_mark(self) -> None:
        node = self.cursor_node
        if node is None or node.data is None or node.allow_expand:
            return
        path = node.data.path
        if path in self.marked:
            self.marked.remove(path)
        else:
            self.marked.append(path)
        node.refresh()  # counts as a change, so the tree redraws the box instead of its cached line
        self.post_message(self.MarksChanged(list(self.marked)))

    def action_toggle_all_types(self) -> None:
        self.show_all = not self.show_all

    def action_parent(self) -> None:
        current = Path(self.path).resolve()
        if self.top is not None and current == self.top.resolve():
            return
        if current.parent != current:
            self.path = current.parent


class FilePicker(Vertical):
    """The tree, an info panel (size, type by content, verdict) and the marked files.

    Posts `FilePicker.Chosen(paths)` when the user adds (Entrée on a file, or the
    screen's "Ajouter" action).
    """

    DEFAULT_CSS = """
    FilePicker { height: 1fr; }
    FilePicker #picker-where { height: 1; color: $text-muted; }
    FilePicker #picker-main { height: 1fr; }
    FilePicker FileTree { width: 2fr; border: round $primary; }
    FilePicker FileTree:focus { border: round $accent; }
    FilePicker #picker-info { width: 1fr; min-width: 24; border: round $secondary; padding: 0 1; }
    FilePicker #picker-marked { height: auto; max-height: 3; }
    """

    class Chosen(Message):
        def __init__(self, paths: list[Path]) -> None:
            super().__init__()
            self.paths = paths

    def __init__(
        self, constraints: SubmissionConstraints, start_dir: Path | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.constraints = constraints
        self.start_dir = start_dir or default_start_dir()

    def compose(self) -> ComposeResult:
        kiosk = getattr(self.app, "kiosk", None)
        if kiosk is not None:  # a shared desk: the documents folder only, never a session's downloads
            self.start_dir = kiosk.documents_dir
        yield Static(self._where(self.start_dir), id="picker-where", markup=False)
        with Horizontal(id="picker-main"):
            tree = FileTree(self.start_dir, allowed_extensions(self.constraints), id="picker-tree")
            tree.top = kiosk.documents_dir if kiosk is not None else None
            yield tree
            yield Static(_("Choisissez un fichier pour voir sa taille et son type."), id="picker-info", markup=False)
        yield Static(self._marked_text([]), id="picker-marked", markup=False)

    @property
    def file_tree(self) -> FileTree:  # not `tree`: DOMNode.tree is Textual's debug view
        return self.query_one(FileTree)

    def _where(self, path: Path) -> str:
        filt = _("tous les types") if self.is_mounted and self.file_tree.show_all else _("types acceptés seulement")
        return f"{display_name(short_path(path))}  ({filt})"

    def _marked_text(self, marked: list[Path]) -> str:
        if not marked:
            return _(
                "Aucun fichier marqué. Espace : marquer · Entrée : ajouter · a : tous les types · ⌫ : dossier parent"
            )
        names = ", ".join(display_name(p.name) for p in marked)
        return _("Marqués ({n}) : ").format(n=len(marked)) + names

    @on(FileTree.MarksChanged)
    def _marks(self, event: FileTree.MarksChanged) -> None:
        self.query_one("#picker-marked", Static).update(self._marked_text(event.marked))

    def watch_show_all_label(self) -> None:
        self.query_one("#picker-where", Static).update(self._where(Path(self.file_tree.path)))

    def on_mount(self) -> None:
        self.watch(self.file_tree, "show_all", lambda _v: self.watch_show_all_label(), init=False)
        self.watch(self.file_tree, "path", lambda _v: self.watch_show_all_label(), init=False)

    @on(DirectoryTree.NodeHighlighted)
    def _highlighted(self, event: DirectoryTree.NodeHighlighted) -> None:
        node = event.node
        info = self.query_one("#picker-info", Static)
        if node.data is None:
            return
        path = node.data.path
        if node.allow_expand:
            info.update(_("Dossier") + f"\n{display_name(path.name)}\n\n" + _("Entrée : ouvrir"))
            return
        info.update(self.describe(path))

    def describe(self, path: Path) -> str:
        """Name, size, type by content and whether it can be sent (with the French reason)."""
        lines = [display_name(path.name)]
        if os.path.islink(path):
            lines.append(_("Lien vers : ") + display_name(os.readlink(path)))
        result = check_file(path, self.constraints)
        if isinstance(result, Refusal):
            try:
                lines.append(_("Taille : ") + human_size(path.stat().st_size))
            except OSError:
                pass
            lines.append(_("Refusé : ") + result.reason)
        else:
            lines.append(_("Taille : ") + human_size(result.size))
            lines.append(_("Type (contenu) : ") + type_label(result.content_type))
            lines.append(_("Accepté"))
        return "\n".join(lines)

    @on(DirectoryTree.FileSelected)
    def _selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.add_marked(extra=event.path)

    def add_marked(self, extra: Path | None = None) -> None:
        paths = list(self.file_tree.marked)
        if extra is not None and extra not in paths:
            paths.append(extra)
        if paths:
            self.post_message(self.Chosen(paths))
