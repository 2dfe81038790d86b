"""Inactivity: warn ahead (at least 20 s), log out at the deadline, extend with one key."""

from __future__ import annotations

import pytest

from msa_tui.core.idle import IdleState, IdleTimer


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_defaults(clock):
    timer = IdleTimer(clock=clock)
    assert (timer.timeout_s, timer.warning_s) == (900, 60)
    assert timer.state() is IdleState.ACTIVE
    assert timer.seconds_left() == 900


def test_active_then_warning_then_expired(clock):
    timer = IdleTimer(900, 60, clock=clock)
    clock.advance(839.9)
    assert timer.state() is IdleState.ACTIVE
    assert timer.seconds_until_warning() == pytest.approx(0.1)
    clock.advance(0.1)
    assert timer.state() is IdleState.WARNING
    assert timer.seconds_left() == pytest.approx(60)
    clock.advance(59)
    assert timer.state() is IdleState.WARNING and timer.seconds_left() == pytest.approx(1)
    clock.advance(1)
    assert timer.state() is IdleState.EXPIRED
    assert timer.seconds_left() == 0


def test_touch_resets(clock):
    timer = IdleTimer(100, 30, clock=clock)
    clock.advance(80)
    assert timer.state() is IdleState.WARNING
    assert timer.touch() is IdleState.ACTIVE
    assert timer.seconds_left() == 100


def test_extend_is_touch(clock):
    timer = IdleTimer(100, 30, clock=clock)
    clock.advance(90)
    assert timer.extend() is IdleState.ACTIVE
    assert timer.seconds_left() == 100


def test_expiry_is_sticky(clock):
    timer = IdleTimer(100, 30, clock=clock)
    clock.advance(100)
    assert timer.touch() is IdleState.EXPIRED
    assert timer.extend() is IdleState.EXPIRED
    clock.advance(-50)  # even a clock read oddly later cannot revive it
    assert timer.state() is IdleState.EXPIRED


def test_restart_after_expiry(clock):
    timer = IdleTimer(100, 30, clock=clock)
    clock.advance(500)
    timer.restart()
    assert timer.state() is IdleState.ACTIVE and timer.seconds_left() == 100


def test_expire_now(clock):
    timer = IdleTimer(clock=clock)
    timer.expire()
    assert timer.state() is IdleState.EXPIRED and timer.next_change_in() is None


@pytest.mark.parametrize("asked", [0, 5, 19.9, -3])
def test_warning_never_below_twenty_seconds(clock, asked):
    assert IdleTimer(900, asked, clock=clock).warning_s == 20


def test_short_timeout_warns_all_along(clock):
    timer = IdleTimer(10, 60, clock=clock)
    assert timer.warning_s == 10
    assert timer.state() is IdleState.WARNING


def test_invalid_timeout(clock):
    with pytest.raises(ValueError):
        IdleTimer(0, clock=clock)


def test_next_change_in(clock):
    timer = IdleTimer(100, 30, clock=clock)
    assert timer.next_change_in() == 70
    clock.advance(75)
    assert timer.next_change_in() == pytest.approx(25)
    assert timer.seconds_until_warning() == 0


def test_default_clock_is_monotonic():
    timer = IdleTimer()
    assert timer.state() is IdleState.ACTIVE
    assert 899 < timer.seconds_left() <= 900
