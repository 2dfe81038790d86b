"""What a logged-in session keeps: not the login screen, nor the password typed into it (no timings)."""

from __future__ import annotations

import gc
import weakref

from textual.worker import Worker

from tests.support.ui import DEMO_PASSWORD, login, make_app, wait_for, wait_screen


async def test_the_login_screen_and_the_password_are_let_go_once_on_the_dashboard(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        screen = weakref.ref(app.screen)
        # The remembered-NIR read (a thread worker) has run, as it does on every start.
        await wait_for(pilot, lambda: not any(w.name == "_load_remembered" and not w.is_finished
                                              for w in app.workers))
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.pause()
        gc.collect()
        assert screen() is None, [type(r).__name__ for r in gc.get_referrers(screen())]
        workers = [o for o in gc.get_objects() if isinstance(o, Worker)]
        assert not [w.name for w in workers if DEMO_PASSWORD in repr(getattr(w._work, "args", ()))]
