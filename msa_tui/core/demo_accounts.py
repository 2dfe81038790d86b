"""The three demo members of the mock server, as shown on the login screen in demo mode."""

from __future__ import annotations

from typing import NamedTuple

DEMO_PASSWORD = "demo-msa-2026"
"""Public by design: the demo server is seeded with it (see DESIGN.md)."""


class DemoAccount(NamedTuple):  # not a dataclass: imported on the login screen's path (start-up)
    nir: str
    name: str
    profile: str
    """French, short: what this member's data shows off."""


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("1850712345678", "Pierre Martin", "Exploitant agricole, Aveyron"),
    DemoAccount("2900529012345", "Sophie Le Gall", "Salariée agricole, Finistère"),
    DemoAccount("178022A123456", "Antoine Santoni", "Retraité, Corse-du-Sud"),
)
