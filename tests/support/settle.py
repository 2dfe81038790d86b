"""Pilot's wait after each key, on the app's message queues rather than on a coarse CPU-idle guess.

Textual's `Pilot.press` waits twice per key with `wait_for_idle(0)`: sleeps of 20 ms until a
20 ms window passes with under 1 ms of CPU. Typing a NIR and a password cost over a second
of sleep per login, and a busy app (a render, a request) kept it sleeping 20 ms at a time.

`wait_until_settled` is the same promise, checked more finely and more strictly: two rounds
in a row of a 2 ms window with (almost) no CPU in this process (worker threads and the mock
server's thread pool included) after which no message waits in the queue of the app, its
screen or any of its widgets. It ends at the same bound as Textual's (`max_sleep`, 1 s).
It posts nothing: waking every widget to ask (as `Pilot._wait_for_screen` does) costs more
CPU than the wait it saves.
Installed for the whole session by tests/conftest.py.
"""

from __future__ import annotations

import asyncio
from time import monotonic, process_time
from typing import Any

import textual._wait
import textual.app
import textual.pilot
from textual._context import active_app
from textual.app import ScreenError

WINDOW_S = 0.002
"""The quiet window: short, because the message queues are checked first (they are exact)."""
IDLE_CPU_S = WINDOW_S / 20
"""At most this much CPU in a window means nothing is working (Textual's own ratio)."""
QUIET_ROUNDS = 2

_textual_wait_for_idle = textual._wait.wait_for_idle


def _queues_empty(app: Any) -> bool:
    """No message waits or is being handled on the app, its screen or any widget of it."""
    try:
        nodes = [app, *app.screen.walk_children(with_self=True)]
    except ScreenError:  # no screen yet (starting) or any more (closing)
        return True
    return all(node._message_queue.empty() and node._pending_message is None for node in nodes)


async def wait_until_settled(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """Return once the running app has handled every message and this process is idle."""
    try:
        app = active_app.get()
    except LookupError:  # not inside an app's context: Textual's own wait
        await _textual_wait_for_idle(min_sleep, max_sleep)
        return
    start = monotonic()
    quiet_rounds = 0
    while True:
        cpu = process_time()
        await asyncio.sleep(WINDOW_S)
        idle = process_time() - cpu < IDLE_CPU_S
        # Two quiet rounds in a row: one could be a window in which the process was not scheduled at all.
        quiet_rounds = quiet_rounds + 1 if idle and _queues_empty(app) else 0
        elapsed = monotonic() - start
        if elapsed >= max_sleep or (quiet_rounds >= QUIET_ROUNDS and elapsed >= min_sleep) or not app.is_running:
            return


def install() -> None:
    """Replace the wait Pilot and `App._press_keys` use (they import the name at module level)."""
    textual.app.wait_for_idle = wait_until_settled  # type: ignore[assignment]
    textual.pilot.wait_for_idle = wait_until_settled  # type: ignore[assignment]
