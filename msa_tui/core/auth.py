"""Field rules of the account forms (registration, password reset): French messages, no Textual."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from msa_tui.api.models import EMAIL_PATTERN
from msa_tui.core.i18n import _

PASSWORD_MIN = 8
NAME_MAX = 80
_DATE_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_CODE_RE = re.compile(r"^[0-9]{6}$")
_EMAIL_RE = re.compile(EMAIL_PATTERN)


@dataclass
class Checked:
    """The outcome of a whole form: cleaned values, and a French message per faulty field."""

    values: dict[str, object] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_nir(text: str) -> tuple[str | None, str | None]:
    """(13-character NIR, None) or (None, French message)."""
    from msa_tui.core.nir import validate_nir

    result = validate_nir(text)
    if result.valid:
        return result.value, None
    return None, result.message or _("Numéro de sécurité sociale invalide.")


def check_name(text: str, what: str) -> tuple[str | None, str | None]:
    """A first or last name: required, at most 80 characters. `what` is "prénom" or "nom"."""
    value = " ".join(text.split())
    if not value:
        return None, _("Saisissez votre {what}.").format(what=_(what))
    if len(value) > NAME_MAX:
        return None, _("{n} caractères au plus.").format(n=NAME_MAX)
    return value, None


def parse_birth_date(text: str, today: date) -> tuple[date | None, str | None]:
    """A birth date typed JJ/MM/AAAA: a real day, not in the future, not before 1900."""
    if not text.strip():
        return None, _("Saisissez votre date de naissance (JJ/MM/AAAA).")
    match = _DATE_RE.match(text)
    if match is None:
        return None, _("Date au format JJ/MM/AAAA, par exemple 07/05/1985.")
    day, month, year = (int(part) for part in match.groups())
    try:
        born = date(year, month, day)
    except ValueError:
        return None, _("Cette date n'existe pas.")
    if born > today:
        return None, _("La date de naissance ne peut pas être dans le futur.")
    if year < 1900:
        return None, _("Vérifiez l'année de naissance.")
    return born, None


def check_email(text: str) -> tuple[str | None, str | None]:
    """An e-mail address of the shape name@domain.tld."""
    value = text.strip()
    if not value:
        return None, _("Saisissez votre adresse e-mail.")
    if len(value) > 254 or not _EMAIL_RE.match(value):
        return None, _("Adresse e-mail invalide, par exemple prenom.nom@exemple.fr.")
    return value, None


def check_code(text: str) -> tuple[str | None, str | None]:
    """The 6-digit code received by e-mail."""
    value = "".join(text.split())
    if not value:
        return None, _("Saisissez le code reçu par courriel.")
    if not _CODE_RE.match(value):
        return None, _("Le code compte 6 chiffres.")
    return value, None


def check_passwords(password: str, confirmation: str) -> dict[str, str]:
    """Errors for the new password and its confirmation ({} when both are fine)."""
    errors: dict[str, str] = {}
    if len(password) < PASSWORD_MIN:
        errors["password"] = _("Le mot de passe doit compter au moins {n} caractères.").format(n=PASSWORD_MIN)
    if not confirmation:
        errors["confirmation"] = _("Confirmez le mot de passe.")
    elif confirmation != password:
        errors["confirmation"] = _("Les deux mots de passe ne correspondent pas.")
    return errors


def _collect(checked: Checked, name: str, outcome: tuple[object, str | None]) -> None:
    value, message = outcome
    if message:
        checked.errors[name] = message
    else:
        checked.values[name] = value


def check_registration(
    nir: str, first_name: str, last_name: str, birth_date: str, email: str, today: date
) -> Checked:
    """Step 1 of S'inscrire: every field checked at once, so all faults show together."""
    checked = Checked()
    _collect(checked, "nir", check_nir(nir))
    _collect(checked, "first_name", check_name(first_name, "prénom"))
    _collect(checked, "last_name", check_name(last_name, "nom"))
    _collect(checked, "birth_date", parse_birth_date(birth_date, today))
    _collect(checked, "email", check_email(email))
    return checked


def check_reset_request(nir: str, email: str) -> Checked:
    """Step 1 of Mot de passe oublié."""
    checked = Checked()
    _collect(checked, "nir", check_nir(nir))
    _collect(checked, "email", check_email(email))
    return checked


def check_code_and_password(code: str, password: str, confirmation: str) -> Checked:
    """Step 2 of both flows: the e-mailed code and the chosen password."""
    checked = Checked()
    _collect(checked, "code", check_code(code))
    errors = check_passwords(password, confirmation)
    checked.errors.update(errors)
    if not errors:
        checked.values["password"] = password
    return checked


def server_field(name: str) -> str:
    """A server-side field path ("body.birth_date", "birth_date") as the form's field name."""
    return name.rsplit(".", 1)[-1]


def latest_code(bodies: list[str]) -> str | None:
    """The 6-digit code in the newest of these e-mail bodies (demo outbox), if any."""
    for body in reversed(bodies):
        found = re.search(r"(?<!\d)(\d{6})(?!\d)", body)
        if found:
            return found.group(1)
    return None
