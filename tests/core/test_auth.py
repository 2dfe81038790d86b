"""Field rules of the registration and password-reset forms."""

from datetime import date

import pytest

from msa_tui.core import auth as forms

TODAY = date(2026, 11, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("07/05/1985", date(1985, 5, 7)), ("7/5/1985", date(1985, 5, 7)), (" 15/11/2026 ", date(2026, 11, 15))],
)
def test_birth_date_accepts_jj_mm_aaaa(text, expected):
    assert forms.parse_birth_date(text, TODAY) == (expected, None)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Saisissez"),
        ("1985-05-07", "JJ/MM/AAAA"),
        ("07/05/85", "JJ/MM/AAAA"),
        ("31/02/1990", "n'existe pas"),
        ("16/11/2026", "futur"),
        ("01/01/1850", "année"),
        ("29/02/1899", "n'existe pas"),  # a day that never was, whatever its year
    ],
)
def test_birth_date_refusals_say_why_in_french(text, fragment):
    value, message = forms.parse_birth_date(text, TODAY)
    assert value is None
    assert fragment in message


def test_names_are_required_and_bounded():
    assert forms.check_name("  Jean   Luc ", "prénom") == ("Jean Luc", None)
    assert forms.check_name("", "prénom")[1] == "Saisissez votre prénom."
    assert "80" in forms.check_name("x" * 81, "nom")[1]


def test_passwords_must_be_long_enough_and_match():
    assert forms.check_passwords("motdepasse-long", "motdepasse-long") == {}
    errors = forms.check_passwords("court", "court")
    assert set(errors) == {"password"}
    assert "12" in errors["password"]
    assert forms.check_passwords("motdepasse-long", "autrechose-long") == {
        "confirmation": "Les deux mots de passe ne correspondent pas."
    }
    assert "confirmation" in forms.check_passwords("motdepasse-long", "")


def test_registration_reports_every_faulty_field_at_once():
    checked = forms.check_registration("123", "", "Martin", "31/02/1990", "nope", TODAY)
    assert not checked.ok
    assert set(checked.errors) == {"nir", "first_name", "birth_date", "email"}
    assert checked.values == {"last_name": "Martin"}


def test_registration_all_good():
    checked = forms.check_registration(
        "1850712345678", "Pierre", "Martin", "07/05/1985", "p@exemple.fr", TODAY
    )
    assert checked.ok, checked.errors
    assert checked.values["nir"] == "1850712345678"
    assert checked.values["birth_date"] == date(1985, 5, 7)


def test_reset_request_and_step_two():
    assert forms.check_reset_request("1850712345678", "p@exemple.fr").ok
    assert set(forms.check_reset_request("", "").errors) == {"nir", "email"}
    step2 = forms.check_code_and_password("123456", "motdepasse-long", "motdepasse-long")
    assert step2.ok and step2.values == {"code": "123456", "password": "motdepasse-long"}
    assert set(forms.check_code_and_password("", "a", "b").errors) == {"code", "password", "confirmation"}


def test_server_field_names_map_to_form_fields():
    assert forms.server_field("body.birth_date") == "birth_date"
    assert forms.server_field("email") == "email"


def test_latest_code_reads_the_newest_mail():
    bodies = ["Votre code : 111111", "Bonjour, votre code est 654321. Il expire dans 15 minutes."]
    assert forms.latest_code(bodies) == "654321"
    assert forms.latest_code(["pas de code", "numéro 1234567"]) is None
