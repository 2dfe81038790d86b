"""The demo members, defined once (from the app's own list) for every test folder."""

from __future__ import annotations

from msa_tui.core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

PIERRE, SOPHIE, ANTOINE = (account.nir for account in DEMO_ACCOUNTS)
"""Pierre Martin (the richest profile), Sophie Le Gall, Antoine Santoni."""
PASSWORD = DEMO_PASSWORD
DEMO_NIR = PIERRE
OTHER_NIR = SOPHIE
"""Used to check that one member never sees another's data."""
THIRD_NIR = ANTOINE

__all__ = ["ANTOINE", "DEMO_NIR", "DEMO_PASSWORD", "OTHER_NIR", "PASSWORD", "PIERRE", "SOPHIE", "THIRD_NIR"]
