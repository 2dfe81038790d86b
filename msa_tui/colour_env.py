"""NO_COLOR and FORCE_COLOR as the conventions say (no-color.org, force-color.org).

Only a non-empty NO_COLOR turns colour off; a non-empty FORCE_COLOR forces it on,
and wins over NO_COLOR (it is the more specific request). Textual turns colour off
as soon as NO_COLOR exists, even empty, so `apply_colour_conventions` removes the
variable when it must not count, before the App is built. No Textual import here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping


def colour_off(env: Mapping[str, str] = os.environ) -> bool:
    return bool(env.get("NO_COLOR")) and not env.get("FORCE_COLOR")


def apply_colour_conventions(env: MutableMapping[str, str] = os.environ) -> None:
    """Drop a NO_COLOR that does not count (empty, or overridden by FORCE_COLOR)."""
    if "NO_COLOR" in env and not colour_off(env):
        del env["NO_COLOR"]
