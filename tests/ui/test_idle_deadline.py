"""Idle costs nothing: one timer at the next deadline, nothing repeating while the member does nothing."""

from __future__ import annotations

from tests.support.ui import FakeClock, login, make_app, wait_for, wait_screen


def _repeating_timers(app) -> list[str]:
    """Every running interval (a timer that fires again and again) of the app and its widgets.

    Textual's own screen-update interval is paused while nothing is to be drawn: paused ones are left out.
    """
    nodes = [app, *app.screen_stack]
    for screen in app.screen_stack:
        nodes += list(screen.walk_children())
    return [
        f"{type(node).__name__}:{timer.name}"
        for node in nodes for timer in list(node._timers)
        if timer._repeat is None and timer._task is not None and not timer._task.done() and timer._active.is_set()
    ]


async def test_logged_in_idle_on_the_dashboard_nothing_repeats(server_app) -> None:
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        # Once the blocks have loaded (their spinners animate only while a call is on its way).
        await wait_for(pilot, lambda: all(block.state != "loading" for block in app.screen.query("DashboardBlock")))
        await pilot.pause()
        timers = _repeating_timers(app)
        assert timers == [], "\n".join(timers)


async def test_the_idle_timer_is_armed_for_the_next_deadline_and_activity_does_not_rearm_it(server_app) -> None:
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=120, idle_warning_s=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        deadline = app._idle_deadline
        assert deadline is not None and deadline._interval == 90  # the warning moment, 30 s before the end
        clock.advance(50)
        await pilot.press("tab")
        await pilot.pause()
        assert app._idle_deadline is deadline, "a key only records the time"
        # The deadline comes: the member was active 40 s ago, so the warning moves 50 s on.
        clock.advance(40)
        app.check_inactivity()
        await pilot.pause()
        assert type(app.screen).__name__ != "IdleWarningDialog"
        assert app._idle_deadline is not deadline and app._idle_deadline._interval == 50
        clock.advance(50)
        app.check_inactivity()
        await wait_screen(pilot, "IdleWarningDialog")
        assert app._idle_deadline._interval == 30  # then the logout, still at least 20 s after the warning
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ != "IdleWarningDialog")
        assert app._idle_deadline._interval == 90  # extended: a whole session again
