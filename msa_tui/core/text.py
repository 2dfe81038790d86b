"""Text from outside made safe for a terminal: the contract's rule (`msa_tui.api.rules`), named in core."""

from __future__ import annotations

from msa_tui.api.rules import MAX_COMBINING, clean_text, has_control

__all__ = ["MAX_COMBINING", "clean_text", "has_control"]
