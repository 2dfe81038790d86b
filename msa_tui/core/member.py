"""Rules of « Modifier mes coordonnées »: e-mail, phone, postal address, in French, and what changed (no Textual)."""

from __future__ import annotations

import re

from msa_tui.api.models import AddressUpdate, Me
from msa_tui.core.auth import Checked, check_email
from msa_tui.core.i18n import _

LINE_MAX = 120
CITY_MAX = 80
FIELDS = ("email", "phone", "line1", "line2", "postal_code", "city")
"""The editable fields, in screen order."""
ADDRESS_FIELDS = ("line1", "line2", "postal_code", "city")

_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")
_POSTAL_RE = re.compile(r"^[0-9]{5}$")


def check_phone(text: str) -> tuple[str | None, str | None]:
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


def check_line(text: str, *, required: bool) -> tuple[str | None, str | None]:
    """One line of the address: required for the first, optional for the second, 120 characters at most."""
    value = " ".join(text.split())
    if not value:
        if required:
            return None, _("Saisissez le numéro et la voie, ou le lieu-dit.")
        return "", None
    if len(value) > LINE_MAX:
        return None, _("{n} caractères au plus.").format(n=LINE_MAX)
    return value, None


def check_postal_code(text: str) -> tuple[str | None, str | None]:
    """A French postal code: 5 digits, not starting with 00 (Corsica too: 20000 to 20999)."""
    value = text.replace(" ", "")
    if not value:
        return None, _("Saisissez le code postal.")
    if not _POSTAL_RE.match(value) or value.startswith("00"):
        return None, _("Le code postal comporte 5 chiffres, par exemple 12330.")
    return value, None


def check_city(text: str) -> tuple[str | None, str | None]:
    value = " ".join(text.split())
    if not value:
        return None, _("Saisissez la commune.")
    if len(value) > CITY_MAX:
        return None, _("{n} caractères au plus.").format(n=CITY_MAX)
    return value, None


def check_field(name: str, text: str) -> tuple[str | None, str | None]:
    """Check one field by its name in `FIELDS` (used as the member leaves it)."""
    checks = {
        "email": check_email,
        "phone": check_phone,
        "line1": lambda t: check_line(t, required=True),
        "line2": lambda t: check_line(t, required=False),
        "postal_code": check_postal_code,
        "city": check_city,
    }
    return checks[name](text)


def check_contact(values: dict[str, str]) -> Checked:
    """The whole form (`values` by field name): cleaned values, or a French message per faulty field."""
    checked = Checked()
    for name in FIELDS:
        value, error = check_field(name, values.get(name, ""))
        if error:
            checked.errors[name] = error
        else:
            checked.values[name] = value
    return checked


def contact_changes(me: Me, values: dict[str, object]) -> dict[str, object]:
    """The `ContactUpdate` fields that differ from the profile (empty when nothing changed).

    `values` are cleaned (from `check_contact`); an empty phone removes it.
    """
    changes: dict[str, object] = {}
    if values["email"] != me.email:
        changes["email"] = values["email"]
    if (values["phone"] or None) != me.phone:
        changes["phone"] = values["phone"] or None
    address = AddressUpdate(
        line1=str(values["line1"]), line2=str(values["line2"]) or None,
        postal_code=str(values["postal_code"]), city=str(values["city"]),
    )
    if address.model_dump() != me.address.model_dump():
        changes["address"] = address
    return changes


def field_of(server_field: str) -> str | None:
    """The form field a server error names ("address.postal_code" → "postal_code"), None if not on the form."""
    name = server_field.removeprefix("address.")
    return name if name in FIELDS else None
