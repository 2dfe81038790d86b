"""The API contract's shared pieces: the two base models, list pages, money and input patterns."""

from __future__ import annotations

import contextlib
import re
import warnings
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..rules import EMAIL_PATTERN as EMAIL_PATTERN  # the contract's patterns, shared with core
from ..rules import NIR_PATTERN as NIR_PATTERN
from ..rules import clean_text, has_control
from .codes import API_PREFIX as API_PREFIX  # defined without pydantic; re-exported here

T = TypeVar("T")


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


# FastAPI validates a body parameter through `Annotated[Model, Body(alias=<parameter name>)]` and
# silences pydantic's "alias has no effect here" warning while it builds that validator
# (fastapi/_compat/v2.py). With defer_build below the build happens on the first request instead,
# outside FastAPI's silencing: the same warning is silenced here, and only it.
with contextlib.suppress(ImportError):  # pydantic < 2.12 has no such warning
    from pydantic.warnings import UnsupportedFieldAttributeWarning

    warnings.filterwarnings("ignore", message=r"The '\w*alias' attribute with value",
                            category=UnsupportedFieldAttributeWarning)


DATE_FORMAT_WORDS = "Date invalide (format attendu : AAAA-MM-JJ)."


def iso_date(value: object) -> date:
    """A date as JSON gives it: only YYYY-MM-DD (pydantic alone would read 0 or "0" as 1970-01-01).

    For a `BeforeValidator`: a string is parsed, a date passes, anything else raises ValueError in French.
    """
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(DATE_FORMAT_WORDS)
        value = date.fromisoformat(value)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError(DATE_FORMAT_WORDS)
    return value


class RequestBody(BaseModel):
    """What the client sends: an unknown field is a mistake, answered 422."""

    # defer_build: a model's validator is built on its first use, not at import (a command or a
    # session uses a few of the contract's models; building them all cost 0.1 s and ~6 MiB).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class ResponseBody(BaseModel):
    """What the server answers: unknown fields are ignored, so a server may add one without breaking a client."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, defer_build=True)  # as RequestBody


class Page(ResponseBody, Generic[T]):
    """Every list answers `{items, next_cursor}`."""

    items: list[T]
    next_cursor: str | None = None
