"""Rules of « Demander un rendez-vous »: slots grouped by day, moments and modes in French words (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from msa_tui.api.models import Appointment, Slot
from msa_tui.core.fields import Parsed, parse_line, parse_phone
from msa_tui.core.formatting import WEEKDAYS, long_date
from msa_tui.core.i18n import _

TOPIC_MAX = 200
"""The limit of the API contract (AppointmentCreate.topic)."""

MODES: tuple[tuple[str | None, str], ...] = (
    (None, "tous les modes"),
    ("agence", "en agence"),
    ("telephone", "par téléphone"),
    ("visio", "en visio"),
)
"""The mode filter of the slot list, in the order its key cycles through it."""

MODE_LABELS = {"agence": "Agence", "telephone": "Téléphone", "visio": "Visio"}


def mode_label(mode: str) -> str:
    """"agence" → "Agence" (the mode in a word, never only a sign or a colour)."""
    return _(MODE_LABELS.get(mode, mode))


def _paris(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    from msa_tui.core.clock import PARIS

    return moment.astimezone(PARIS)


def day_words(day: date) -> str:
    """`2026-12-01` → "mardi 1er décembre 2026"."""
    return f"{_(WEEKDAYS[day.weekday()])} {long_date(day)}"


def time_words(moment: datetime) -> str:
    """09:30 → "9 h 30", 14:00 → "14 h" (Paris time, as French writes an appointment's hour)."""
    local = _paris(moment)
    return f"{local.hour} h" if local.minute == 0 else f"{local.hour} h {local.minute:02d}"


def moment_words(moment: datetime) -> str:
    """"mardi 1er décembre 2026 à 9 h 30" (Paris time)."""
    local = _paris(moment)
    return _("{day} à {time}").format(day=day_words(local.date()), time=time_words(local))


def slot_line(slot: Slot) -> str:
    """A slot inside its day group: "9 h 30 · Agence · Rodez (30 min)"."""
    duration = _("{n} min").format(n=slot.duration_minutes)
    return f"{time_words(slot.starts_at)} · {mode_label(slot.mode)} · {slot.place} ({duration})"


def appointment_words(appointment: Appointment) -> str:
    """An appointment on one line: when, mode, place."""
    slot = appointment.slot
    return f"{moment_words(slot.starts_at)} · {mode_label(slot.mode)} · {slot.place}"


@dataclass
class DayGroup:
    """The free slots of one day, earliest first."""

    day: date
    slots: list[Slot] = field(default_factory=list)

    @property
    def label(self) -> str:
        return day_words(self.day)


def group_by_day(slots: list[Slot], mode: str | None = None) -> list[DayGroup]:
    """Slots of `mode` (all when None) grouped by their Paris day, days and hours in order."""
    groups: dict[date, DayGroup] = {}
    for slot in sorted(slots, key=lambda s: (s.starts_at, s.id)):
        if mode is not None and slot.mode != mode:
            continue
        day = _paris(slot.starts_at).date()
        groups.setdefault(day, DayGroup(day)).slots.append(slot)
    return [groups[day] for day in sorted(groups)]


def count_slots(n: int) -> str:
    """"12 créneaux libres", "1 créneau libre", "Aucun créneau libre"."""
    if n == 0:
        return _("Aucun créneau libre")
    template = "{n} créneau libre" if n == 1 else "{n} créneaux libres"
    return _(template).format(n=n)


def check_topic(text: str) -> Parsed[str]:
    """The topic of an appointment: required, on one line, at most 200 characters."""
    return parse_line(text, max_length=TOPIC_MAX, blank=_("Indiquez le motif du rendez-vous."),
                      too_long=_("Le motif doit faire {n} caractères au plus."))


def calls(slot: Slot | None) -> bool:
    """A phone appointment: the MSA calls the member, on a number the member may change for it."""
    return slot is not None and slot.mode == "telephone"


def check_number_to_call(text: str) -> Parsed[str]:
    """The number a phone appointment calls: required, a French number written as the API wants it."""
    value, problem = parse_phone(text)
    if problem is None and not value:
        return None, _("Indiquez le numéro auquel la MSA vous appellera.")
    return value, problem


def called_line(appointment: Appointment) -> str | None:
    """"La MSA vous appellera au 06 12 34 56 78" for a phone appointment, else None."""
    if not calls(appointment.slot) or not appointment.phone:
        return None
    return _("La MSA vous appellera au {phone}").format(phone=appointment.phone)
