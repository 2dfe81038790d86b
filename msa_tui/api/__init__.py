"""The MSA portal API: contract models, typed errors and the async client.

The client and its errors load on first use (PEP 562), so importing `msa_tui.api.models`,
as the mock server and `msa_tui.core` do, never loads httpx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import MsaClient, ProgressCallback, TokensChanged
    from .errors import ApiError

__all__ = ["ApiError", "MsaClient", "ProgressCallback", "TokensChanged"]

_HOMES = {"ApiError": ".errors", "MsaClient": ".client", "ProgressCallback": ".client", "TokensChanged": ".client"}
"""Each lazy name → the submodule that defines it."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
