"""Type-ahead: keys typed faster than the app reacts land where they would at human speed.

Textual forwards a key to the focused widget by posting it to that widget's queue; a key the
widget does not use (Tab) comes back up to the app, which only then runs the binding (focus the
next field). Keys typed in the same burst were already forwarded to the *old* focus: NIR, Tab,
password, Enter in one burst put the password into the NIR field. The same happens with any focus
the app moves itself in answer to a key (Enter on the NIR focuses the password).

So the app delivers one key at a time: after forwarding a key it sends a `Settled` probe along the
same path; the probe reaches the app once the key (and whatever the widgets posted in answer,
checked queue by queue) has been handled, and the next key typed ahead is delivered then, to
whatever has the focus by now. At human speed nothing waits.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.message import Message

MAX_ROUNDS = 6
"""Probe rounds while widgets still have messages to handle (each round follows them)."""
FALLBACK_S = 1.0
"""A probe lost with its widget (the screen changed) frees the keys after this long."""


class Settled(Message):
    """The probe that follows a key through the widgets' queues back to the app."""

    def __init__(self, token: int, rounds: int) -> None:
        super().__init__()
        self.token = token
        self.rounds = rounds


class TypeAhead:
    """Owned by the app: `deliver` wraps the app's own key handling (`handle`)."""

    def __init__(self, app: Any, handle: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle
        self.waiting: deque[events.Key] = deque()
        self.in_flight = False
        self.token = 0
        self.timer: Any = None

    async def key(self, event: events.Key) -> None:
        self.waiting.append(event)
        await self._deliver()

    async def _deliver(self) -> None:
        while self.waiting and not self.in_flight:
            event = self.waiting.popleft()
            await self.handle(event)
            if event.is_forwarded:  # posted to a widget: wait for it before the next key
                self.in_flight = True
                self.token += 1
                self._probe(0)
                if self.in_flight:
                    self.timer = self.app.set_timer(FALLBACK_S, self._release)

    def _probe(self, rounds: int) -> None:
        if not self.app.screen_stack:  # starting or closing: nothing to wait for
            self.in_flight = False
            return
        target = self.app.focused or self.app.screen
        target.post_message(Settled(self.token, rounds))

    def _busy(self) -> bool:
        # Messages the key caused (Input.Submitted…) still queued somewhere on the screen.
        if not self.app.screen_stack:
            return False
        screen = self.app.screen
        return any(not node._message_queue.empty() for node in screen.walk_children(with_self=True))

    async def settled(self, message: Settled) -> None:
        message.stop()
        if message.token != self.token or not self.in_flight:
            return
        if message.rounds < MAX_ROUNDS and self._busy():
            self._probe(message.rounds + 1)
            return
        await self._release()

    async def _release(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.in_flight = False
        await self._deliver()
