"""The contract's input patterns, in a module of their own: the core checks a NIR with the very same
pattern without loading pydantic (the login screen shows before pydantic is imported).

Part of the contract: it imports nothing.
"""

from __future__ import annotations

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

NIR_PATTERN = (
    r"^(?:[1-4][0-9]{2}(?:0[1-9]|1[0-2]|[23][0-9]|4[0-2]|[5-9][0-9])|[78][0-9]{4})"
    r"(?:2[AB]|[0-9]{2})[0-9]{6}$"
)
"""A normalised NIR without its key (13 characters), as the API accepts it. The one rule:
`msa_tui.core.nir.validate_nir` applies it with French messages, and a test checks both agree."""
