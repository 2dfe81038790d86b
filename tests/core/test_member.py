"""Contact details rules: phone, postal code, address lines, e-mail; what changed; server field names."""

from __future__ import annotations

import pytest

from msa_tui.api.models import Address, AddressUpdate, ContactUpdate, Me
from msa_tui.core.member import (
    check_contact,
    check_field,
    check_phone,
    check_postal_code,
    contact_changes,
    field_of,
)


@pytest.mark.parametrize("typed, stored", [
    ("0612345678", "06 12 34 56 78"),
    ("06.12.34.56.78", "06 12 34 56 78"),
    ("06-12-34-56-78", "06 12 34 56 78"),
    (" 05 65 12 34 56 ", "05 65 12 34 56"),
    ("+33612345678", "+33 6 12 34 56 78"),
    ("+33 (0)6 12 34 56 78", "+33 6 12 34 56 78"),
    ("0033 6 12 34 56 78", "+33 6 12 34 56 78"),
    ("", ""),
])
def test_phone_is_accepted_as_typed_and_stored_as_the_api_wants(typed, stored):
    assert check_phone(typed) == (stored, None)
    if stored:
        ContactUpdate(phone=stored)  # the contract's own pattern accepts it


@pytest.mark.parametrize("typed, words", [
    ("06 12 34 56 7", "10 chiffres"),
    ("06 12 34 56 789", "10 chiffres"),
    ("6 12 34 56 78", "commence par 0"),
    ("00 12 34 56 78", "deuxième chiffre"),
    ("06 12 ab 56 78", "que des chiffres"),
    ("+33 6 12 34", "+33"),
])
def test_bad_phones_get_a_french_reason(typed, words):
    value, error = check_phone(typed)
    assert value is None and words in error


def test_postal_code_five_digits():
    assert check_postal_code("12330") == ("12330", None)
    assert check_postal_code("20 000") == ("20000", None)
    for bad in ("1233", "123456", "2A000", "00100"):
        assert "5 chiffres" in check_postal_code(bad)[1]
    assert check_postal_code("")[1] == "Saisissez le code postal."


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
