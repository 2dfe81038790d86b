"""Field rules of the account forms (registration, password reset, password change, login code):
French messages, no Textual."""

from __future__ import annotations

import re
from datetime import date

from msa_tui.core.fields import Checked, Parsed, parse_code, parse_date, parse_email, parse_line
from msa_tui.core.i18n import _

__all__ = ["Checked"]  # the forms' outcome type, re-exported for the account screens

PASSWORD_MIN = 12
"""The server's policy (mock_server/passwords.py MIN_LENGTH): the rest (common passwords, the member's
own NIR, names and birth date) is the server's to check, with its French message under the field."""
NAME_MAX = 80


def check_nir(text: str) -> Parsed[str]:
    """(13-character NIR, None) or (None, French message)."""
    from msa_tui.core.nir import validate_nir

    result = validate_nir(text)
    if result.valid:
        return result.value, None
    return None, result.message or _("Numéro de sécurité sociale invalide.")


def check_name(text: str, what: str) -> Parsed[str]:
    """A first or last name: required, at most 80 characters. `what` is "prénom" or "nom"."""
    return parse_line(text, max_length=NAME_MAX, blank=_("Saisissez votre {what}.").format(what=_(what)))


def parse_birth_date(text: str, today: date) -> Parsed[date]:
    """A birth date typed JJ/MM/AAAA: a real day, not in the future, not before 1900."""
    born, message = parse_date(
        text,
        blank=_("Saisissez votre date de naissance (JJ/MM/AAAA)."),
        malformed=_("Date au format JJ/MM/AAAA, par exemple 07/05/1985."),
    )
    if born is None:
        return None, message
    if born > today:
        return None, _("La date de naissance ne peut pas être dans le futur.")
    if born.year < 1900:
        return None, _("Vérifiez l'année de naissance.")
    return born, None


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


def check_registration(
    nir: str, first_name: str, last_name: str, birth_date: str, email: str, today: date
) -> Checked:
    """Step 1 of S'inscrire: every field checked at once, so all faults show together."""
    checked = Checked()
    checked.add("nir", check_nir(nir))
    checked.add("first_name", check_name(first_name, "prénom"))
    checked.add("last_name", check_name(last_name, "nom"))
    checked.add("birth_date", parse_birth_date(birth_date, today))
    checked.add("email", parse_email(email))
    return checked


def check_reset_request(nir: str, email: str) -> Checked:
    """Step 1 of Mot de passe oublié."""
    checked = Checked()
    checked.add("nir", check_nir(nir))
    checked.add("email", parse_email(email))
    return checked


def check_code_and_password(code: str, password: str, confirmation: str) -> Checked:
    """Step 2 of both flows: the e-mailed code and the chosen password."""
    checked = Checked()
    checked.add("code", parse_code(code))
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


# --- account security (issue 14, item 7) -------------------------------------------------------


def check_password_change(current: str, new: str, confirmation: str) -> Checked:
    """The profile's « Changer mon mot de passe »: the current one, then the new one as at registration."""
    checked = Checked()
    if not current:
        checked.errors["current_password"] = _("Saisissez votre mot de passe actuel.")
    else:
        checked.values["current_password"] = current
    errors = check_passwords(new, confirmation)
    if "password" not in errors and new == current:
        errors["password"] = _("Choisissez un mot de passe différent de l'actuel.")
    checked.errors.update({"new_password" if name == "password" else name: text for name, text in errors.items()})
    if not errors:
        checked.values["new_password"] = new
    return checked


def check_current_password(text: str) -> Parsed[str]:
    """The current password asked again (second factor on or off)."""
    if not text:
        return None, _("Saisissez votre mot de passe actuel.")
    return text, None
