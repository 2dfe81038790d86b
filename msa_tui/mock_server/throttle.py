"""Per-address limits on the unauthenticated auth routes (login, registration, codes, reset).

Kept in memory: a restart forgets them, which only ever loosens them for a moment. The
account lockout and the code guards that must survive a restart live in SQLite (security.py).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

from msa_tui.api.models import Code

from .problems import ProblemError


@dataclass(frozen=True)
class Limits:
    """The numbers of docs/security.md; tests may loosen or tighten them through `create_app`."""

    login_free_failures: int = 10
    """Failed logins an address may make before each further one must wait."""
    login_max_delay_s: int = 15 * 60
    """The wait doubles after every further failure (1 s, 2 s, 4 s, …) up to this."""
    login_forget_s: int = 60 * 60
    """An address's failures are forgotten after this long without one."""
    requests_per_window: int = 10
    """Registrations, new-code and reset requests an address may make per window (each kind apart)."""
    code_checks_per_window: int = 20
    """Code submissions (verify, reset confirm) an address may make per window."""
    window_s: int = 15 * 60
    max_drafts: int = 20
    """Submissions a member may keep in preparation at once."""
    max_stored_bytes: int = 200 * 1024 * 1024
    """Bytes of files a member may keep in submissions being prepared or sent."""


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    next_allowed: float = 0.0


@dataclass
class Throttle:
    limits: Limits = field(default_factory=Limits)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _failures: dict[str, _Failures] = field(default_factory=dict)
    _hits: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    # --- login: growing delays per address --------------------------------------------

    def check_login(self, address: str, now: float) -> None:
        with self._lock:
            state = self._failures.get(address)
            if state is not None and now - state.last > self.limits.login_forget_s:
                del self._failures[address]
                return
            if state is not None and now < state.next_allowed:
                raise too_many(state.next_allowed - now)

    def login_failed(self, address: str, now: float) -> None:
        with self._lock:
            state = self._failures.setdefault(address, _Failures())
            state.count += 1
            state.last = now
            extra = state.count - self.limits.login_free_failures
            if extra >= 0:
                state.next_allowed = now + min(self.limits.login_max_delay_s, 2.0 ** min(extra, 30))

    # --- other requests: a fixed budget per window and kind -----------------------------

    def hit(self, address: str, kind: str, now: float) -> None:
        """Counts one request of `kind`; 429 when the address has spent its budget for the window."""
        budget = self.limits.code_checks_per_window if kind == "code" else self.limits.requests_per_window
        with self._lock:
            recent = [t for t in self._hits.get((address, kind), []) if now - t < self.limits.window_s]
            if len(recent) >= budget:
                self._hits[(address, kind)] = recent
                raise too_many(recent[0] + self.limits.window_s - now)
            recent.append(now)
            self._hits[(address, kind)] = recent


def too_many(wait_s: float) -> ProblemError:
    wait = max(1, math.ceil(wait_s))
    if wait < 120:
        when = f"{wait} seconde{'s' if wait > 1 else ''}"
    else:
        minutes = math.ceil(wait / 60)
        when = f"{minutes} minutes"
    return ProblemError(
        429, Code.too_many_requests,
        f"Trop de demandes depuis votre connexion. Patientez {when} avant de réessayer.",
        retry_after=wait,
    )
