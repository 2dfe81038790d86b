"""Rules both sides of the contract share, importing nothing (core loads them without pydantic):
the NIR pattern, and text from outside (the server, the file system) made safe for a terminal.

Control characters (C0, C1) can drive the terminal (window title, clipboard, clearing the
screen); bidi overrides reorder what the member reads; thousands of combining marks
stack into an unreadable block. `clean_text` removes them and leaves the rest readable.
"""

from __future__ import annotations

import unicodedata

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

NIR_PATTERN = (
    r"^(?:[1-4][0-9]{2}(?:0[1-9]|1[0-2]|[23][0-9]|4[0-2]|[5-9][0-9])|[78][0-9]{4})"
    r"(?:2[AB]|[0-9]{2})[0-9]{6}$"
)
"""A normalised NIR without its key (13 characters), as the API accepts it. The one rule:
`msa_tui.core.nir.validate_nir` applies it with French messages, and a test checks both agree."""

MAX_COMBINING = 4
"""Combining marks kept after one base character (real scripts need at most a few)."""

# Zero-width joiners are format characters that some scripts and emoji need: kept.
_KEPT_FORMAT = frozenset("\u200c\u200d")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85\x0b\x0c")


def _dropped(ch: str) -> bool:
    """Control (C0, C1), format (bidi overrides, zero-width…) and surrogate characters."""
    category = unicodedata.category(ch)
    if category == "Cf":
        return ch not in _KEPT_FORMAT
    return category in ("Cc", "Cs")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """`text` without anything that acts on a terminal; newlines and tabs survive only if `multiline`.

    Line breaks become "\\n" (or a space on one line); tabs stay (or become a space).
    """
    out: list[str] = []
    combining = 0
    previous = ""
    for raw in text:
        ch = raw
        if ch in _LINE_BREAKS:
            if ch == "\n" and previous == "\r":
                previous = raw
                continue  # \r\n already gave one break
            ch = "\n" if multiline else " "
        elif ch == "\t":
            ch = "\t" if multiline else " "
        elif _dropped(ch):
            previous = raw
            continue
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Me":
            combining += 1
            if combining > MAX_COMBINING:
                previous = raw
                continue
        else:
            combining = 0
        out.append(ch)
        previous = raw
    return "".join(out)


def has_control(text: str, *, multiline: bool = False) -> bool:
    """Whether `text` holds what `clean_text` would drop or change (tabs and newlines allowed if `multiline`)."""
    for ch in text:
        if multiline and ch in "\n\t":
            continue
        if ch in _LINE_BREAKS or ch == "\t" or _dropped(ch):
            return True
    return False
