"""One French parser per kind of typed value: dates, money, whole numbers, e-mail, phone, postal code, codes, lines.

Every parser takes the text as typed and returns `(value, None)` or `(None, French message)`;
an optional field left empty gives `("", None)`. Domain modules pass their own words where a
form says it differently ("Saisissez votre date de naissance…"); the checks stay here. No Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeAlias, TypeVar

from msa_tui.api.rules import EMAIL_PATTERN  # the contract's pattern, without loading the models
from msa_tui.core.i18n import _

T = TypeVar("T")
Parsed: TypeAlias = tuple[T | None, str | None]
"""(value, None) when the text is right, (None, French message) when it is not."""

EMAIL_MAX = 254
MONEY_MAX = Decimal("1000000000")
"""Amounts and counts from here on are typing slips, not declarations."""

_DATE_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_DIGITS_DATE_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")
"""A day typed as 8 digits, JJMMAAAA (as on a form with boxes): "03061992"."""
_EMAIL_RE = re.compile(EMAIL_PATTERN)
_CODE_RE = re.compile(r"^[0-9]{6}$")
_POSTAL_RE = re.compile(r"^[0-9]{5}$")
_MONEY_RE = re.compile(r"^\d+(,\d{1,2})?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
"""Spaces as typed or pasted: ordinary, no-break and the narrow no-break of French number grouping."""
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")


@dataclass
class Checked:
    """A whole form checked: the cleaned values, and a French message per faulty field."""

    values: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, name: str, outcome: tuple[object, str | None]) -> None:
        """File one field's outcome under `name`: its message when it failed, else its value."""
        value, message = outcome
        if message:
            self.errors[name] = message
        else:
            self.values[name] = value


def parse_line(
    text: str, *, max_length: int, blank: str | None, too_long: str | None = None
) -> Parsed[str]:
    """One line of text, inner runs of spaces collapsed; `blank` None means optional ("" when empty).

    `too_long` is a message template with `{n}` (the limit); by default "{n} caractères au plus.".
    """
    value = " ".join(text.split())
    if not value:
        return (None, blank) if blank is not None else ("", None)
    if len(value) > max_length:
        return None, (too_long or _("{n} caractères au plus.")).format(n=max_length)
    return value, None


def parse_date(
    text: str,
    *,
    blank: str | None = None,
    malformed: str | None = None,
    nonexistent: str | None = None,
    min_year: int | None = None,
) -> Parsed[date]:
    """A day typed JJ/MM/AAAA ("7/5/1985" and "07051985" too). `blank` None: an empty box gets the format
    message.

    `min_year`: earlier years are refused before the day is looked at ("L'année doit être postérieure à…").
    """
    if not text.strip() and blank is not None:
        return None, blank
    match = _DATE_RE.match(typed_date(text))
    if match is None:
        return None, malformed or _("Date au format JJ/MM/AAAA, par exemple 01/09/2026.")
    day, month, year = (int(part) for part in match.groups())
    if min_year is not None and year < min_year:
        return None, _("L'année doit être postérieure à {year}.").format(year=min_year)
    try:
        return date(year, month, day), None
    except ValueError:
        return None, nonexistent or _("Cette date n'existe pas.")


def typed_date(text: str) -> str:
    """"03061992" → "03/06/1992": a day typed as 8 digits (JJMMAAAA), written as the forms show it.

    Any other text comes back as it is (the parser then says what is wrong with it).
    """
    match = _DIGITS_DATE_RE.match(text)
    return "/".join(match.groups()) if match else text


def parse_money(text: str) -> Parsed[Decimal]:
    """"1 234,56" (spaces or none, comma or point, optional €) → Decimal("1234.56"); never negative."""
    cleaned = _SPACES.sub("", text).removesuffix("€").replace(".", ",")
    if not _MONEY_RE.match(cleaned):
        if cleaned.startswith("-"):
            return None, _("Le montant ne peut pas être négatif.")
        return None, _("Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus).")
    try:
        amount = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already refuses it
        return None, _("Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus).")
    if amount >= MONEY_MAX:
        return None, _("Ce montant est trop élevé.")
    return amount, None


def parse_whole_number(text: str) -> Parsed[int]:
    """A whole number, spaces allowed ("1 200")."""
    cleaned = _SPACES.sub("", text)
    if not cleaned.isdigit():
        return None, _("Saisissez un nombre entier, sans virgule, par exemple 3.")
    value = int(cleaned)
    if value >= MONEY_MAX:
        return None, _("Ce nombre est trop grand.")
    return value, None


def parse_email(text: str) -> Parsed[str]:
    """An e-mail address of the shape name@domain.tld (the contract's pattern), at most 254 characters."""
    invalid = _("Adresse e-mail invalide, par exemple prenom.nom@exemple.fr.")
    value, problem = parse_line(text, max_length=EMAIL_MAX, blank=_("Saisissez votre adresse e-mail."),
                                too_long=invalid)
    if value is not None and not _EMAIL_RE.match(value):
        return None, invalid  # no white space in an address: collapsing runs of it changed nothing
    return value, problem


def parse_phone(text: str) -> Parsed[str]:
    """A French phone number, written as the API wants it: "06 12 34 56 78" or "+33 6 12 34 56 78".

    Spaces, dots and dashes are accepted as typed; "" means no phone (it is optional).
    """
    raw = _PHONE_SEPARATORS.sub("", text)
    if not raw:
        return "", None
    international = raw.startswith(("+33", "0033"))
    digits = raw.removeprefix("+33").removeprefix("0033") if international else raw
    if not digits.isdigit():
        return None, _("Le numéro ne doit contenir que des chiffres (espaces, points et tirets acceptés).")
    if international:
        digits = digits.removeprefix("0") if len(digits) == 10 else digits
        if len(digits) != 9 or digits[0] == "0":
            return None, _("Après +33, saisissez les 9 chiffres du numéro, par exemple +33 6 12 34 56 78.")
        return "+33 " + digits[0] + " " + _pairs(digits[1:]), None
    if len(digits) != 10 or digits[0] != "0":
        return None, _("Un numéro de téléphone comporte 10 chiffres et commence par 0, par exemple 06 12 34 56 78.")
    if digits[1] == "0":
        return None, _("Le deuxième chiffre du numéro ne peut pas être 0.")
    return _pairs(digits), None


def _pairs(digits: str) -> str:
    return " ".join(digits[i:i + 2] for i in range(0, len(digits), 2))


def parse_postal_code(text: str) -> Parsed[str]:
    """A French postal code: 5 digits, not starting with 00 (Corsica too: 20000 to 20999)."""
    value = text.replace(" ", "")
    if not value:
        return None, _("Saisissez le code postal.")
    if not _POSTAL_RE.match(value) or value.startswith("00"):
        return None, _("Le code postal comporte 5 chiffres, par exemple 12330.")
    return value, None


def parse_code(text: str) -> Parsed[str]:
    """The 6-digit code received by e-mail (spaces as typed are dropped)."""
    value = "".join(text.split())
    if not value:
        return None, _("Saisissez le code reçu par courriel.")
    if not _CODE_RE.match(value):
        return None, _("Le code compte 6 chiffres.")
    return value, None
