"""The API contract's shared pieces: the two base models, list pages, money and input patterns."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

T = TypeVar("T")

API_PREFIX = "/api/v1"
"""Where the API lives on its server; the client and the mock server both use it."""

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]

NIR_PATTERN = r"^[12][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}$"
"""A NIR without its key, as the API accepts it (13 characters)."""

MONEY_DIGITS = 12
"""At most 10 digits of euros and 2 of cents: a bounded amount, never an overflow."""
_MONEY_BOUND = float("9" * (MONEY_DIGITS - 2) + ".99")

Money = Annotated[
    Decimal,
    Field(max_digits=MONEY_DIGITS, decimal_places=2),
    # A JSON number on the wire (DESIGN), exact in Python. Twelve significant digits
    # survive the float's shortest repr, so the number written is the decimal held.
    PlainSerializer(float, return_type=float, when_used="json"),
    WithJsonSchema({"type": "number", "minimum": -_MONEY_BOUND, "maximum": _MONEY_BOUND,
                    "description": "Euros, at most 2 decimal places."}),
]
"""An amount in euros."""


class RequestBody(BaseModel):
    """What the client sends: an unknown field is a mistake, answered 422."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ResponseBody(BaseModel):
    """What the server answers: unknown fields are ignored, so a server may add one without breaking a client."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Page(ResponseBody, Generic[T]):
    """Every list answers `{items, next_cursor}`."""

    items: list[T]
    next_cursor: str | None = None
