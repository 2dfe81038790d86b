"""The API contract's shared pieces: the base model, list pages, problem documents and input patterns."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]

NIR_PATTERN = r"^[12][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}$"
"""A NIR without its key, as the API accepts it (13 characters)."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Page(Model, Generic[T]):
    """Every list answers `{items, next_cursor}`."""

    items: list[T]
    next_cursor: str | None = None


# --- errors -----------------------------------------------------------------


class FieldError(Model):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable machine `code`."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None
    """Seconds until the action may succeed (lockout)."""
