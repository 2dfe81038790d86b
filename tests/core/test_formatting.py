"""French display formats: money, dates, counted phrases."""

from datetime import UTC, date, datetime

import pytest

from msa_tui.core import formatting as f


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0,00\u00a0€"),
        (5, "5,00\u00a0€"),
        (12.5, "12,50\u00a0€"),
        (999.999, "1\u00a0000,00\u00a0€"),
        (1234.56, "1\u00a0234,56\u00a0€"),
        (1234567.891, "1\u00a0234\u00a0567,89\u00a0€"),
        (0.005, "0,01\u00a0€"),
        (-42.1, "-42,10\u00a0€"),
    ],
)
def test_money_is_written_the_french_way(amount, text):
    assert f.money(amount) == text


def test_money_reads_as_expected_with_plain_spaces():
    assert f.money(1234.56).replace(f.NBSP, " ") == "1 234,56 €"


def test_long_date_names_the_month_in_french():
    assert f.long_date(date(2026, 11, 15)) == "15 novembre 2026"
    assert f.long_date(date(2026, 8, 3)) == "3 août 2026"
    assert f.long_date(date(2027, 1, 1)) == "1er janvier 2027"


def test_long_date_of_an_aware_datetime_is_the_paris_day():
    # 23:30 UTC on 14 November is already 15 November in Paris.
    assert f.long_date(datetime(2026, 11, 14, 23, 30, tzinfo=UTC)) == "15 novembre 2026"


def test_short_date_is_jj_mm_aaaa():
    assert f.short_date(date(2026, 2, 5)) == "05/02/2026"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "Aucun message non lu"), (1, "1 message non lu"), (2, "2 messages non lus"), (12, "12 messages non lus")],
)
def test_unread_messages_agree_with_the_count(n, text):
    assert f.unread_messages(n) == text


def test_awaiting_replies():
    assert f.awaiting_replies(0) == ""
    assert f.awaiting_replies(1) == "1 échange attend votre réponse"
    assert f.awaiting_replies(3) == "3 échanges attendent votre réponse"


def test_counted_uses_the_zero_phrase_only_when_given():
    assert f.counted(0, "{n} pomme", "{n} pommes") == "0 pomme"
    assert f.counted(0, "{n} pomme", "{n} pommes", "Aucune pomme") == "Aucune pomme"


def test_direction_word():
    assert f.direction_word("sent") == "envoyé"
    assert f.direction_word("received") == "reçu"


def test_clock_time_reads_the_french_way():
    assert f.clock_time("08:30") == "8h30"
    assert f.clock_time("13:00") == "13h"


def test_opening_hours_merge_days_with_the_same_hours():
    week = [(day, o, c) for day in range(5) for o, c in [("08:30", "12:15"), ("13:30", "16:30")]]
    assert f.opening_hours(week) == ["Du lundi au vendredi : 8h30 – 12h15 et 13h30 – 16h30"]


def test_opening_hours_split_when_hours_differ():
    slots = [(0, "09:00", "12:00"), (1, "09:00", "12:00"), (5, "10:00", "11:00")]
    assert f.opening_hours(slots) == ["Du lundi au mardi : 9h – 12h", "Le samedi : 10h – 11h"]
    assert f.opening_hours([]) == []
