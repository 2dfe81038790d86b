"""French display formats: money, dates and counted phrases (no Textual import)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from msa_tui.core.i18n import _

NBSP = "\u00a0"
"""Keeps "1 234,56 €" on one line: a wrap inside an amount would misread it."""

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def money(amount: float | Decimal | int) -> str:
    """`1234.5` → "1 234,50 €" (French grouping, comma decimals, euro sign after)."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    units, cents = f"{abs(value):.2f}".split(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{sign}{NBSP.join(groups)},{cents}{NBSP}€"


def _as_date(moment: date | datetime) -> date:
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            from msa_tui.core.clock import PARIS

            moment = moment.astimezone(PARIS)
        return moment.date()
    return moment


def long_date(moment: date | datetime) -> str:
    """`2026-11-15` → "15 novembre 2026"; the first of a month is "1er" as French writes it."""
    day = _as_date(moment)
    number = _("1er") if day.day == 1 else str(day.day)
    return f"{number} {_(MONTHS[day.month - 1])} {day.year}"


def short_date(moment: date | datetime) -> str:
    """`2026-11-15` → "15/11/2026" (the JJ/MM/AAAA the forms ask for)."""
    return _as_date(moment).strftime("%d/%m/%Y")


def counted(n: int, singular: str, plural: str, zero: str | None = None) -> str:
    """A phrase agreeing with `n`: templates hold `{n}`; French uses the singular for 0 and 1.

    `counted(2, "{n} message non lu", "{n} messages non lus", "Aucun message non lu")`.
    """
    if n == 0 and zero is not None:
        return _(zero)
    template = singular if n <= 1 else plural
    return _(template).format(n=n)


def unread_messages(n: int) -> str:
    """"2 messages non lus", "1 message non lu", "Aucun message non lu"."""
    return counted(n, "{n} message non lu", "{n} messages non lus", "Aucun message non lu")


def awaiting_replies(n: int) -> str:
    """"1 échange attend votre réponse" (empty when none: nothing to say then)."""
    if n <= 0:
        return ""
    return counted(n, "{n} échange attend votre réponse", "{n} échanges attendent votre réponse")


def direction_word(direction: str) -> str:
    """A document's direction from the member's side: "envoyé" (to the MSA) or "reçu"."""
    return _("envoyé") if str(direction) == "sent" else _("reçu")


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def clock_time(hhmm: str) -> str:
    """"08:30" → "8h30", "13:00" → "13h" (as French notices write hours)."""
    hours, _sep, minutes = hhmm.partition(":")
    hours = str(int(hours))
    return f"{hours}h" if minutes in ("", "00") else f"{hours}h{minutes}"


def opening_hours(slots: list[tuple[int, str, str]]) -> list[str]:
    """Opening slots (weekday 0 = Monday, "HH:MM", "HH:MM") as French lines, runs of days with the
    same hours merged: ["Du lundi au vendredi : 8h30 – 12h15 et 13h30 – 16h30"]."""
    by_day: dict[int, list[tuple[str, str]]] = {}
    for weekday, opens, closes in sorted(slots):
        by_day.setdefault(weekday, []).append((opens, closes))
    lines: list[str] = []
    days = sorted(by_day)
    start = 0
    while start < len(days):
        end = start
        while end + 1 < len(days) and days[end + 1] == days[end] + 1 and by_day[days[end + 1]] == by_day[days[start]]:
            end += 1
        periods = f" {_('et')} ".join(f"{clock_time(o)} – {clock_time(c)}" for o, c in by_day[days[start]])
        first, last = _(WEEKDAYS[days[start]]), _(WEEKDAYS[days[end]])
        if start == end:
            label = _("Le {day}").format(day=first)
        else:
            label = _("Du {first} au {last}").format(first=first, last=last)
        lines.append(_("{days} : {hours}").format(days=label, hours=periods))
        start = end + 1
    return lines
