"""When the closed help line opens again, in words."""

from __future__ import annotations

from datetime import datetime

from msa_tui.core.assistance import reopening_line
from msa_tui.core.clock import PARIS


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=PARIS)


def test_today_tomorrow_or_the_day_in_full() -> None:
    assert reopening_line(at(16, 13, 30), at(16, 12, 30)) == "Réouverture aujourd'hui à 13 h 30"
    assert reopening_line(at(17, 8, 30), at(16, 17)) == "Réouverture demain à 8 h 30"
    assert reopening_line(at(23, 8, 30), at(20, 17)) == "Réouverture lundi 23 novembre 2026 à 8 h 30"
