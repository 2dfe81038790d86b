"""The API contract's shared pieces: the base model, list pages, problem documents and input patterns."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from msa_tui.core.nir import NIR_PATTERN as CORE_NIR_PATTERN
from msa_tui.core.text import clean_text, has_control

T = TypeVar("T")

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]

# --- text from outside ----------------------------------------------------------
# What the server sends is cleaned when parsed (the client never holds a control character);
# what a member writes is refused with a French message when it holds one.

ServerText = Annotated[str, AfterValidator(clean_text)]
"""One line of text from the server: control characters, bidi overrides and line breaks removed."""
ServerBody = Annotated[str, AfterValidator(lambda value: clean_text(value, multiline=True))]
"""Multi-line text from the server (message bodies…): newlines and tabs kept, the rest cleaned."""

CONTROL_CHARACTERS = "control_characters"
MSG_CONTROL = "Les caractères de contrôle (échappements, retours à la ligne, inversions de sens…) ne sont pas acceptés."
MSG_CONTROL_BODY = "Les caractères de contrôle (échappements, inversions de sens…) ne sont pas acceptés."


def _refuse_control(value: str) -> str:
    if has_control(value):
        raise PydanticCustomError(CONTROL_CHARACTERS, MSG_CONTROL)
    return value


def _refuse_control_body(value: str) -> str:
    if has_control(value, multiline=True):
        raise PydanticCustomError(CONTROL_CHARACTERS, MSG_CONTROL_BODY)
    return value


MemberText = Annotated[str, AfterValidator(_refuse_control)]
"""One line a member writes (names, subjects, motifs…): control characters refused."""
MemberBody = Annotated[str, AfterValidator(_refuse_control_body)]
"""Multi-line text a member writes (message bodies): newlines and tabs allowed, other controls refused."""

NIR_PATTERN = CORE_NIR_PATTERN
"""A NIR without its key, as the API accepts it (13 characters): the rule of `msa_tui.core.nir`."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Page(Model, Generic[T]):
    """Every list answers `{items, next_cursor}`."""

    items: list[T]
    next_cursor: str | None = None


# --- errors -----------------------------------------------------------------


class FieldError(Model):
    field: ServerText
    message: ServerText


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable machine `code`."""

    model_config = ConfigDict(extra="allow")

    type: ServerText = "about:blank"
    title: ServerText
    status: int
    detail: ServerText
    code: ServerText
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None
    """Seconds until the action may succeed (lockout)."""
