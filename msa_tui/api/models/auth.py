"""The API contract's login, registration and password-reset bodies, and the token pair."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StrictBool

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


# --- account security (issue 14, item 7) -------------------------------------


def _sent_length(value: Any) -> Any:
    # Before the model strips blanks: what was sent must fit the schema's maxLength as sent.
    if isinstance(value, str) and len(value) > 256:
        raise ValueError("Le mot de passe ne peut pas dépasser 256 caractères.")
    return value


Password = Annotated[str, BeforeValidator(_sent_length), Field(min_length=1, max_length=256)]


class LoginChallenge(ResponseBody):
    """202 answer of POST /auth/login when the member has turned the second factor on:
    the password was right and a 6-digit code was e-mailed; POST /auth/login/code finishes."""

    challenge: str
    """Opaque: binds the code step to this password step (sent back with the code)."""
    detail: ServerText
    """Where the code went (address partly hidden) and for how long it is valid, in French."""
    expires_in: int
    """Seconds of life of the code."""


class LoginCode(RequestBody):
    nir: str = Field(pattern=NIR_PATTERN)
    challenge: str = Field(min_length=1, max_length=100)
    code: str = Field(pattern=r"^[0-9]{6}$")


class PasswordChange(RequestBody):
    current_password: Password
    new_password: Password


class SecuritySettings(ResponseBody):
    two_factor: bool
    """A code e-mailed at each login, after the password."""
    email: ServerText
    """Where the codes go, partly hidden (« p…@example.org »)."""


class TwoFactorUpdate(RequestBody):
    enabled: StrictBool
    """true or false only (not 0 or "yes")."""
    current_password: Password
    """Required both ways: whoever holds an open session cannot change it alone."""
