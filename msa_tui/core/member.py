"""Rules of « Modifier mes coordonnées »: e-mail, phone, postal address, in French, and what changed (no Textual)."""

from __future__ import annotations

from msa_tui.api.models import AddressUpdate, Me
from msa_tui.core.fields import Checked, Parsed, parse_email, parse_line, parse_phone, parse_postal_code
from msa_tui.core.i18n import _

PLACEHOLDER_POSTAL_CODE = "00000"
"""A new account's address is a placeholder until the member gives one (postal code 00000, city "—")."""

LINE_MAX = 120
CITY_MAX = 80
FIELDS = ("email", "phone", "line1", "line2", "postal_code", "city")
"""The editable fields, in screen order."""
ADDRESS_FIELDS = ("line1", "line2", "postal_code", "city")


def check_line(text: str, *, required: bool) -> Parsed[str]:
    """One line of the address: required for the first, optional for the second, 120 characters at most."""
    blank = _("Saisissez le numéro et la voie, ou le lieu-dit.") if required else None
    return parse_line(text, max_length=LINE_MAX, blank=blank)


def check_city(text: str) -> Parsed[str]:
    return parse_line(text, max_length=CITY_MAX, blank=_("Saisissez la commune."))


def check_field(name: str, text: str) -> Parsed[str]:
    """Check one field by its name in `FIELDS` (used as the member leaves it)."""
    checks = {
        "email": parse_email,
        "phone": parse_phone,
        "line1": lambda t: check_line(t, required=True),
        "line2": lambda t: check_line(t, required=False),
        "postal_code": parse_postal_code,
        "city": check_city,
    }
    return checks[name](text)


def check_contact(values: dict[str, str]) -> Checked:
    """The whole form (`values` by field name): cleaned values, or a French message per faulty field."""
    checked = Checked()
    for name in FIELDS:
        checked.add(name, check_field(name, values.get(name, "")))
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


def postal_line(address: object) -> str | None:
    """"12330 Salles-la-Source", or None while the address is the new account's placeholder."""
    postal_code = str(getattr(address, "postal_code", "") or "").strip()
    city = str(getattr(address, "city", "") or "").strip()
    if postal_code in ("", PLACEHOLDER_POSTAL_CODE) and city in ("", "—", "-"):
        return None
    return f"{postal_code} {city}".strip()
