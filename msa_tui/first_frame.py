"""Until the first screen is on show (issue 12, start-up): what `msa-tui` holds back, and gives back after.

- The cyclic garbage collector is paused: before the login screen shows, it ran some 120 times over
  objects that are all still in use (30-40 ms on a 2-core host). It runs once when released, while
  the member reads the screen, instead of at their first keystrokes.
- Python hands the interpreter between threads every 0.5 ms instead of 5: Textual writes each frame
  from its own thread, which otherwise waited up to 5 ms (more on a busy host) for the main thread,
  already drawing the next frame, before the login screen reached the terminal.

`hold` is for the command's process only (never called by tests or by code that embeds the app);
`release` is a no-op unless held.
"""

from __future__ import annotations

import gc
import sys

FAST_SWITCH_S = 0.0005

_saved_switch: float | None = None


def hold() -> None:
    global _saved_switch
    gc.disable()
    if _saved_switch is None:
        _saved_switch = sys.getswitchinterval()
        sys.setswitchinterval(FAST_SWITCH_S)


def release(*, collect: bool = True) -> None:
    """Everything back as Python has it; one collection first (`collect`) when the collector was paused."""
    global _saved_switch
    if _saved_switch is not None:
        sys.setswitchinterval(_saved_switch)
        _saved_switch = None
    if not gc.isenabled():
        gc.enable()
        if collect:
            gc.collect()

