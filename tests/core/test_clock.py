"""The client clock: Paris time, frozen by tests or by the environment."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from msa_tui.core import clock


@pytest.fixture(autouse=True)
def unfrozen(monkeypatch):
    monkeypatch.delenv(clock.FROZEN_TIME_ENV, raising=False)
    clock.freeze(None)
    yield
    clock.freeze(None)


def test_now_is_aware_paris():
    moment = clock.now()
    assert moment.tzinfo is not None
    assert moment.tzinfo == clock.PARIS
    assert abs((moment - datetime.now(UTC)).total_seconds()) < 3600  # same instant, not a fixed date


def test_freeze_naive_is_paris_wall_clock():
    clock.freeze(datetime(2026, 11, 15, 10, 30))
    assert clock.now() == datetime(2026, 11, 15, 10, 30, tzinfo=clock.PARIS)
    assert clock.now().utcoffset().total_seconds() == 3600  # winter time
    assert clock.today() == date(2026, 11, 15)
    assert clock.is_frozen()


def test_freeze_aware_is_converted():
    clock.freeze(datetime(2026, 7, 1, 22, 30, tzinfo=UTC))
    # 22:30 UTC is already the next day in Paris (summer time, UTC+2).
    assert clock.now().hour == 0 and clock.today() == date(2026, 7, 2)


def test_freeze_text_and_date():
    clock.freeze("2026-11-15T08:00:00+01:00")
    assert clock.now() == datetime(2026, 11, 15, 8, tzinfo=clock.PARIS)
    clock.freeze(date(2026, 1, 2))
    assert clock.now() == datetime(2026, 1, 2, tzinfo=clock.PARIS)


def test_frozen_clock_does_not_move():
    clock.freeze(datetime(2026, 11, 15, 10, 30))
    assert clock.now() == clock.now()


def test_unfreeze():
    clock.freeze(datetime(2000, 1, 1))
    clock.freeze(None)
    assert clock.now().year >= 2025
    assert not clock.is_frozen()


def test_environment_freezes(monkeypatch):
    monkeypatch.setenv(clock.FROZEN_TIME_ENV, "2026-11-15T09:15")
    assert clock.now() == datetime(2026, 11, 15, 9, 15, tzinfo=clock.PARIS)
    monkeypatch.setenv(clock.FROZEN_TIME_ENV, "2026-03-01T12:00Z")
    assert clock.today() == date(2026, 3, 1)


def test_explicit_freeze_wins_over_environment(monkeypatch):
    monkeypatch.setenv(clock.FROZEN_TIME_ENV, "2026-11-15T09:15")
    clock.freeze(datetime(2030, 5, 5, 5, 5))
    assert clock.today() == date(2030, 5, 5)


def test_bad_environment_is_ignored_not_fatal(monkeypatch, caplog):
    monkeypatch.setenv(clock.FROZEN_TIME_ENV, "demain matin")
    assert clock.now().year >= 2025
    assert not clock.is_frozen()
    assert "demain matin" in caplog.text


def test_bad_freeze_text_raises():
    with pytest.raises(ValueError):
        clock.freeze("15/11/2026")


def test_frozen_context_restores_previous_state():
    clock.freeze(datetime(2026, 1, 1, 8))
    with clock.frozen("2026-11-15T10:00") as moment:
        assert moment == clock.now() == datetime(2026, 11, 15, 10, tzinfo=clock.PARIS)
    assert clock.now() == datetime(2026, 1, 1, 8, tzinfo=clock.PARIS)
    clock.freeze(None)
    with clock.frozen(date(2026, 11, 15)):
        pass
    assert not clock.is_frozen()
