"""httpx for the client, imported without the parts the client never runs.

httpx imports its own command-line tool (and with it rich, click and pygments) whenever those are
installed, which they are here (Textual, uvicorn); httpcore imports trio whenever it is installed
(the test extra brings it). The client runs on asyncio and never calls `httpx.main`, so those two
are marked absent while httpx and httpcore load: a `payments list` or a session is spared about
0.2 s and a few MiB (docs/benchmarks.md). The marks are removed at once, so whoever imports them
afterwards gets them as usual; nothing is skipped when httpx or httpcore was already loaded.
"""

from __future__ import annotations

import sys

_SKIPPED_BY = {"httpx": "httpx._main", "httpcore": "trio"}
"""A module → what it imports only when that is installed, and this client does not need."""


def _import_lean() -> None:
    marked = [skipped for module, skipped in _SKIPPED_BY.items()
              if module not in sys.modules and skipped not in sys.modules]
    for name in marked:
        sys.modules[name] = None  # type: ignore[assignment]  # Python's way to say "not installed"
    try:
        import httpcore  # noqa: F401  # httpx loads it on the first client; here, without trio
        import httpx  # noqa: F401
    finally:
        for name in marked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_lean()

import httpx  # noqa: E402  # loaded above: this only binds the name

__all__ = ["httpx"]
