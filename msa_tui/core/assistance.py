"""Rules of the Assistance page: when a closed help line opens next, in French words (no Textual)."""

from __future__ import annotations

from datetime import datetime

from msa_tui.core.appointments import day_words, time_words
from msa_tui.core.clock import PARIS
from msa_tui.core.i18n import _


def reopening_line(opens: datetime, now: datetime) -> str:
    """"Réouverture aujourd'hui à 13 h 30", "… demain à 8 h 30", "… lundi 30 novembre 2026 à 8 h 30"."""
    day, today = opens.astimezone(PARIS).date(), now.astimezone(PARIS).date()
    if day == today:
        when = _("aujourd'hui")
    elif (day - today).days == 1:
        when = _("demain")
    else:
        when = day_words(day)
    return _("Réouverture {when} à {time}").format(when=when, time=time_words(opens))
