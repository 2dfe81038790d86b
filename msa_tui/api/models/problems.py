"""The API contract's errors: RFC 9457 problem documents and their stable machine codes.

Both sides need these: the server to answer, the client to map an answer to a typed error.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .codes import Code as Code  # defined without pydantic (the CLI's read path); re-exported here
from .common import ResponseBody, ServerText


class FieldError(ResponseBody):
    field: ServerText
    message: ServerText


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable machine `code`."""

    # RFC 9457 lets a problem carry extension members: keep them rather than drop them.
    model_config = ConfigDict(extra="allow", defer_build=True)  # built on first use, as the other models

    # Shown to the member (detail, field messages): cleaned like every server text.
    type: ServerText = "about:blank"
    title: ServerText
    status: int
    detail: ServerText
    code: ServerText
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None
    """Seconds until the action may succeed (lockout)."""
