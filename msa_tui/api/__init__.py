"""The MSA portal API: contract models, typed errors and the async client."""

from .client import MsaClient, ProgressCallback, TokensChanged
from .errors import ApiError

__all__ = ["ApiError", "MsaClient", "ProgressCallback", "TokensChanged"]
