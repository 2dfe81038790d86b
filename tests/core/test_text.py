"""clean_text: what a terminal would act on is removed, the rest stays readable."""

from __future__ import annotations

import pytest

from msa_tui.core.text import MAX_COMBINING, clean_text, has_control


@pytest.mark.parametrize(("raw", "line", "body"), [
    ("Loyer\x1b]0;T\x07 novembre", "Loyer]0;T novembre", "Loyer]0;T novembre"),
    ("a\x1b]52;c;cm0=\x1b\\b", "a]52;c;cm0=\\b", "a]52;c;cm0=\\b"),
    ("x\x1b[2Jy", "x[2Jy", "x[2Jy"),
    ("x\x9b31my", "x31my", "x31my"),
    ("abc\u202edef\u2066g\u2069", "abcdefg", "abcdefg"),
    ("zero\u200bwidth\ufeff", "zerowidth", "zerowidth"),
    ("famille 👨\u200d👩\u200d👧", "famille 👨\u200d👩\u200d👧", "famille 👨\u200d👩\u200d👧"),
    ("l1\r\nl2\rl3\u2028l4\tend", "l1 l2 l3 l4 end", "l1\nl2\nl3\nl4\tend"),
    ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
    ("lone \ud800 surrogate", "lone  surrogate", "lone  surrogate"),
    ("Émilie Hervé", "Émilie Hervé", "Émilie Hervé"),
])
def test_clean_text(raw: str, line: str, body: str) -> None:
    assert clean_text(raw) == line
    assert clean_text(raw, multiline=True) == body


def test_combining_marks_are_capped_per_character() -> None:
    cleaned = clean_text("e" + "\u0301" * 4000 + "a\u0301")
    assert cleaned == "e" + "\u0301" * MAX_COMBINING + "a\u0301"


def test_has_control() -> None:
    assert has_control("a\x1bb") and has_control("a\u202eb") and has_control("a\nb")
    assert not has_control("a\nb\tc", multiline=True) and not has_control("Émilie [x]")
