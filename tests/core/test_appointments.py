"""Appointment rules: French moments, modes in words, slots grouped by Paris day, topic checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from msa_tui.api.models import Appointment, Slot
from msa_tui.core.appointments import (
    appointment_words,
    check_topic,
    count_slots,
    group_by_day,
    mode_label,
    moment_words,
    slot_line,
    time_words,
)
from msa_tui.core.clock import PARIS


def slot(sid: str, when: datetime, mode: str = "agence", place: str = "Agence de Rodez") -> Slot:
    return Slot(id=sid, starts_at=when, duration_minutes=30, place=place, mode=mode)


def test_moment_in_french_words_with_first_of_month():
    assert moment_words(datetime(2026, 12, 1, 9, 30, tzinfo=PARIS)) == "mardi 1er décembre 2026 à 9 h 30"
    assert moment_words(datetime(2026, 11, 30, 14, 0, tzinfo=PARIS)) == "lundi 30 novembre 2026 à 14 h"


def test_moment_is_read_in_paris_time():
    utc = datetime(2026, 12, 1, 8, 5, tzinfo=UTC)
    assert time_words(utc) == "9 h 05"
    late = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # already Wednesday in Paris
    assert moment_words(late).startswith("mercredi 2 décembre 2026 à 0 h 30")


def test_modes_in_words():
    assert [mode_label(m) for m in ("agence", "telephone", "visio")] == ["Agence", "Téléphone", "Visio"]


def test_slot_and_appointment_lines():
    s = slot("a", datetime(2026, 12, 1, 10, 30, tzinfo=PARIS), "telephone", "Par téléphone")
    assert slot_line(s) == "10 h 30 · Téléphone · Par téléphone (30 min)"
    appointment = Appointment(id="r", slot=s, topic="Retraite", booked_at=datetime(2026, 11, 15, tzinfo=PARIS))
    assert appointment_words(appointment) == "mardi 1er décembre 2026 à 10 h 30 · Téléphone · Par téléphone"


def test_group_by_day_sorts_days_and_hours_and_filters_by_mode():
    day1 = datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)
    day2 = day1 + timedelta(days=1)
    slots = [
        slot("late", day2 + timedelta(hours=5), "visio"),
        slot("b", day1 + timedelta(hours=5), "visio"),
        slot("a", day1, "agence"),
        slot("c", day2, "telephone"),
    ]
    groups = group_by_day(slots)
    assert [g.label for g in groups] == ["mardi 1er décembre 2026", "mercredi 2 décembre 2026"]
    assert [[s.id for s in g.slots] for g in groups] == [["a", "b"], ["c", "late"]]
    visio = group_by_day(slots, "visio")
    assert [[s.id for s in g.slots] for g in visio] == [["b"], ["late"]]
    assert group_by_day(slots, "agence")[0].slots[0].id == "a"
    assert group_by_day([], None) == []


def test_group_by_day_uses_the_paris_day():
    # 23:30 UTC on the 1st is 0:30 on the 2nd in Paris: it belongs to the 2nd.
    groups = group_by_day([slot("x", datetime(2026, 12, 1, 23, 30, tzinfo=UTC))])
    assert groups[0].label == "mercredi 2 décembre 2026"


def test_count_slots_agrees():
    assert count_slots(0) == "Aucun créneau libre"
    assert count_slots(1) == "1 créneau libre"
    assert count_slots(12) == "12 créneaux libres"


def test_topic_required_trimmed_and_limited():
    assert check_topic("   ") == (None, "Indiquez le motif du rendez-vous.")
    assert check_topic("  Ma   retraite \n") == ("Ma retraite", None)
    assert check_topic("x" * 200) == ("x" * 200, None)
    value, message = check_topic("x" * 201)
    assert value is None and "200 caractères" in message
