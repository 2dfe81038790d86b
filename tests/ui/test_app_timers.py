"""The app's timers fire while nothing else happens (no key, no mouse)."""

from __future__ import annotations

import asyncio

from tests.support.ui import make_app


async def test_a_timer_callback_runs_without_a_key(server_app) -> None:
    # Textual runs a set_timer callback through call_next, which wakes the app's queue through
    # MessagePump.check_idle: an app method of that name once swallowed the wake-up, so the demo
    # server and the log file waited for the member's first key.
    app = make_app(server_app)
    async with app.run_test():
        fired = asyncio.Event()
        app.set_timer(0.05, fired.set)
        await asyncio.wait_for(fired.wait(), timeout=10)
