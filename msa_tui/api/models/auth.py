"""The API contract's login, registration and password-reset bodies, and the token pair."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from .common import Email, MemberText, NIR_PATTERN, iso_date, RequestBody, ResponseBody, ServerBody, ServerText


# --- auth -------------------------------------------------------------------


class LoginRequest(RequestBody):
    nir: str = Field(pattern=NIR_PATTERN)
    password: str = Field(min_length=1, max_length=256)


class TokenPair(ResponseBody):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    """Seconds of life of the access token."""


class RefreshRequest(RequestBody):
    refresh_token: str


def _iso_birth_date(value: Any) -> date:
    # An ISO date (see iso_date), from 1900 on.
    born = iso_date(value)
    if born.year < 1900:
        raise ValueError("Date de naissance invalide.")
    return born


class RegisterRequest(RequestBody):
    nir: str = Field(pattern=NIR_PATTERN)
    first_name: MemberText = Field(min_length=1, max_length=80)
    last_name: MemberText = Field(min_length=1, max_length=80)
    birth_date: Annotated[date, BeforeValidator(_iso_birth_date)]
    email: Email


# The code mailed to the member, with the password chosen: registration's and reset's last step alike.
class VerifyRequest(RequestBody):
    nir: str = Field(pattern=NIR_PATTERN)
    code: str = Field(pattern=r"^[0-9]{6}$")
    password: str = Field(min_length=8, max_length=256)


class PasswordResetRequest(RequestBody):
    nir: str = Field(pattern=NIR_PATTERN)
    email: Email


class PasswordResetConfirm(VerifyRequest):
    pass


class Accepted(ResponseBody):
    """202 answers: what happened, in French."""

    detail: ServerText


class OutboxMail(ResponseBody):
    to: ServerText
    subject: ServerText
    body: ServerBody
    sent_at: datetime
    attachment: str | None = None
    """The attached file's name (a copy sent with POST /me/mail-copy)."""
    attachment_size: int | None = None


class MailCopy(ResponseBody):
    """A PDF sent to the member's e-mail address on file."""

    to: str
    """The address, partly hidden (« p…@example.org »): the screen may show it at a desk."""
    name: str
    size: int
