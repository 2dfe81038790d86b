"""Contact details rules: the form's fields, what changed, server field names (phone and postal code: test_fields)."""

from __future__ import annotations


from msa_tui.api.models import Address, AddressUpdate, Me
from msa_tui.core.member import (
    check_contact,
    check_field,
    contact_changes,
    field_of,
)


def test_lines_city_and_email():
    assert check_field("line1", "  2  rue  Haute ") == ("2 rue Haute", None)
    assert "voie" in check_field("line1", " ")[1]
    assert check_field("line2", "") == ("", None)
    assert "120" in check_field("line2", "x" * 121)[1]
    assert check_field("city", "")[1] == "Saisissez la commune."
    assert "invalide" in check_field("email", "pierre@")[1]


def me() -> Me:
    return Me(id="m", nir="1850712345678", first_name="Pierre", last_name="Martin", email="p@example.fr",
              phone="06 12 34 56 78", address=Address(line1="Ferme", line2=None, postal_code="12330", city="Salles"),
              household=[], caisse="MSA")


def form(**changes: str) -> dict[str, str]:
    values = {"email": "p@example.fr", "phone": "06 12 34 56 78", "line1": "Ferme", "line2": "",
              "postal_code": "12330", "city": "Salles"}
    values.update(changes)
    return values


def test_only_what_changed_is_sent():
    checked = check_contact(form())
    assert checked.ok and contact_changes(me(), checked.values) == {}
    checked = check_contact(form(phone="0565123456"))
    assert contact_changes(me(), checked.values) == {"phone": "05 65 12 34 56"}
    checked = check_contact(form(phone=""))
    assert contact_changes(me(), checked.values) == {"phone": None}
    checked = check_contact(form(line2="Bâtiment B", city="Rodez"))
    changes = contact_changes(me(), checked.values)
    assert changes == {"address": AddressUpdate(line1="Ferme", line2="Bâtiment B", postal_code="12330", city="Rodez")}


def test_every_fault_is_reported_at_once():
    checked = check_contact(form(email="x", phone="12", postal_code="1", city=""))
    assert set(checked.errors) == {"email", "phone", "postal_code", "city"}


def test_server_field_names_map_to_the_form():
    assert field_of("address.postal_code") == "postal_code"
    assert field_of("phone") == "phone"
    assert field_of("household") is None
