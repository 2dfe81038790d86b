"""Inactivity rules: when to warn and when to log out. Pure logic, the caller owns the timers.

RGAA 13.1: the logout is announced at least 20 s ahead, with a one-key way to
extend (`extend()`). Expiry is sticky: a keystroke arriving just after the
deadline must not revive a session that the app is about to close (a shared
desk terminal would otherwise stay logged in); `restart()` starts a new session.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

MIN_WARNING_S = 20.0


class IdleState(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleTimer:
    """Tracks the last activity against an injectable monotonic clock (seconds)."""

    def __init__(self, timeout_s: float = 900, warning_s: float = 60,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if timeout_s <= 0:
            raise ValueError("timeout_s must be positive")
        self.timeout_s = float(timeout_s)
        # Never less than the legal 20 s; with a timeout shorter than that, the
        # whole session is the warning.
        self.warning_s = min(max(float(warning_s), MIN_WARNING_S), self.timeout_s)
        self._clock = clock
        self._last = clock()
        self._expired = False

    def _elapsed(self) -> float:
        return self._clock() - self._last

    def state(self) -> IdleState:
        if self._expired or self._elapsed() >= self.timeout_s:
            self._expired = True
            return IdleState.EXPIRED
        if self._elapsed() >= self.timeout_s - self.warning_s:
            return IdleState.WARNING
        return IdleState.ACTIVE

    def touch(self) -> IdleState:
        """Record activity (a key, a click). Ignored once expired; returns the state after it."""
        if self.state() is not IdleState.EXPIRED:
            self._last = self._clock()
        return self.state()

    extend = touch
    """The "Prolonger la session" key: the same as any activity."""

    def restart(self) -> None:
        """A new session (after a login): the clock starts again, expiry is forgotten."""
        self._last = self._clock()
        self._expired = False

    def expire(self) -> None:
        """End now (manual logout, server said the session is over)."""
        self._expired = True

    def seconds_left(self) -> float:
        """Seconds until logout (0 once expired)."""
        if self.state() is IdleState.EXPIRED:
            return 0.0
        return max(0.0, self.timeout_s - self._elapsed())

    def seconds_until_warning(self) -> float:
        """Seconds until the warning should show (0 when it already should)."""
        if self.state() is not IdleState.ACTIVE:
            return 0.0
        return max(0.0, self.timeout_s - self.warning_s - self._elapsed())

    def next_change_in(self) -> float | None:
        """Seconds until the state changes (for the caller's next timer); None once expired."""
        current = self.state()
        if current is IdleState.EXPIRED:
            return None
        if current is IdleState.ACTIVE:
            return self.seconds_until_warning()
        return self.seconds_left()
