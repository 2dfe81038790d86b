"""The display boundary can't be bypassed by accident: a scan of the screens and widgets.

Text in a Static/Label built without `markup=False`, an Option, or a toast is read as Textual markup.
Only fixed French strings (literals, `_("…")`, formatting of those) may go there raw; anything else
goes through `msa_tui.widgets.safe` (`plain`, `plain_text`, `notify_plain`).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "msa_tui"
SOURCES = sorted(p for p in [*ROOT.glob("screens/**/*.py"), *ROOT.glob("widgets/*.py"), ROOT / "app.py"]
                 if p.name != "safe.py")
MARKUP_WIDGETS = {"Static", "Label", "Option"}
SAFE_CALLS = {"plain", "plain_text", "literal", "Text", "Content", "_"}
# The list prompts build Rich Text / Group objects piece by piece (never from markup): literal by construction.
SAFE_CALLS |= {"thread_prompt", "request_prompt", "draft_prompt", "procuration_prompt", "category_prompt",
               "service_prompt", "appointment_prompt", "declaration_prompt"}


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _fixed(node: ast.AST) -> bool:
    """A literal, `_("literal")`, a safe wrapper, or a join/format/concatenation of those."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Call):
        name = _callee(node)
        if name in SAFE_CALLS:
            return True
        if name == "format" and isinstance(node.func, ast.Attribute):
            return _fixed(node.func.value) and all(_fixed(a) for a in node.args) and all(
                _fixed(k.value) for k in node.keywords)
        return False
    if isinstance(node, ast.BinOp):
        return _fixed(node.left) and _fixed(node.right)
    if isinstance(node, ast.IfExp):
        return _fixed(node.body) and _fixed(node.orelse)
    return False


def _violations() -> list[str]:
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _callee(node)
            where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
            if name == "notify" and not _fixed(node.args[0]):
                found.append(f"{where}: notify() of variable text (use notify_plain)")
            if name in MARKUP_WIDGETS and not any(
                k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.keywords
            ) and not _fixed(node.args[0]):
                found.append(f"{where}: {name}() of variable text (use plain() or markup=False)")
    return found


def test_no_variable_text_reaches_a_markup_parsing_widget():
    assert _violations() == []


def test_the_scan_sees_a_violation():
    source = ast.parse('yield Static(f"{thread.subject}")\nself.notify(error.message)\nOption(slot_line(s))')
    names = [_callee(n) for n in ast.walk(source) if isinstance(n, ast.Call) and n.args and not _fixed(n.args[0])]
    assert {"Static", "notify", "Option"} <= set(names)
