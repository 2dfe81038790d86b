"""The French parsers of typed values: one table per kind, each row (typed text, value or message)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from msa_tui.api.models import ContactUpdate
from msa_tui.core import fields
from msa_tui.core.fields import (
    Checked,
    parse_code,
    parse_date,
    parse_email,
    parse_line,
    parse_money,
    parse_phone,
    parse_postal_code,
    parse_whole_number,
)

ACCEPTED = [
    # (parser, typed, value)
    (parse_date, "01/09/2026", date(2026, 9, 1)),
    (parse_date, "1/9/2026", date(2026, 9, 1)),
    (parse_date, " 29/02/2024 ", date(2024, 2, 29)),
    (parse_money, "1 234,56", Decimal("1234.56")),
    (parse_money, "1234.5", Decimal("1234.5")),
    (parse_money, "1\u00a0234,56 €", Decimal("1234.56")),
    (parse_money, "1\u202f000", Decimal("1000")),
    (parse_money, "0", Decimal("0")),
    (parse_whole_number, "3", 3),
    (parse_whole_number, "1 200", 1200),
    (parse_email, "pierre.martin@exemple.fr", "pierre.martin@exemple.fr"),
    (parse_email, "  a@b.co  ", "a@b.co"),
    (parse_phone, "0612345678", "06 12 34 56 78"),
    (parse_phone, "06.12.34.56.78", "06 12 34 56 78"),
    (parse_phone, "06-12-34-56-78", "06 12 34 56 78"),
    (parse_phone, "+33612345678", "+33 6 12 34 56 78"),
    (parse_phone, "+33 (0)6 12 34 56 78", "+33 6 12 34 56 78"),
    (parse_phone, "0033 6 12 34 56 78", "+33 6 12 34 56 78"),
    (parse_phone, "", ""),  # optional
    (parse_postal_code, "12330", "12330"),
    (parse_postal_code, "20 000", "20000"),
    (parse_code, "123456", "123456"),
    (parse_code, "123 456", "123456"),
]


@pytest.mark.parametrize(("parse", "typed", "value"), ACCEPTED)
def test_accepted_as_typed(parse, typed, value):
    assert parse(typed) == (value, None)


REFUSED = [
    # (parser, typed, the whole French message)
    (parse_date, "", "Date au format JJ/MM/AAAA, par exemple 01/09/2026."),
    (parse_date, "2026-09-01", "Date au format JJ/MM/AAAA, par exemple 01/09/2026."),
    (parse_date, "01/09/26", "Date au format JJ/MM/AAAA, par exemple 01/09/2026."),
    (parse_date, "31/02/2026", "Cette date n'existe pas."),
    (parse_date, "29/02/2025", "Cette date n'existe pas."),
    (parse_money, "12,345", "Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus)."),
    (parse_money, "douze", "Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus)."),
    (parse_money, "", "Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus)."),
    (parse_money, ",5", "Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus)."),
    (parse_money, "-12", "Le montant ne peut pas être négatif."),
    (parse_money, "1 000 000 000", "Ce montant est trop élevé."),
    (parse_whole_number, "3,5", "Saisissez un nombre entier, sans virgule, par exemple 3."),
    (parse_whole_number, "", "Saisissez un nombre entier, sans virgule, par exemple 3."),
    (parse_whole_number, "1000000000", "Ce nombre est trop grand."),
    (parse_email, "", "Saisissez votre adresse e-mail."),
    (parse_email, "pierre@exemple", "Adresse e-mail invalide, par exemple prenom.nom@exemple.fr."),
    (parse_email, "a b@c.fr", "Adresse e-mail invalide, par exemple prenom.nom@exemple.fr."),
    (parse_email, "x" * 250 + "@a.fr", "Adresse e-mail invalide, par exemple prenom.nom@exemple.fr."),
    (parse_phone, "06 12 ab 56 78",
     "Le numéro ne doit contenir que des chiffres (espaces, points et tirets acceptés)."),
    (parse_phone, "+33 6 12 34",
     "Après +33, saisissez les 9 chiffres du numéro, par exemple +33 6 12 34 56 78."),
    (parse_phone, "6 12 34 56 78",
     "Un numéro de téléphone comporte 10 chiffres et commence par 0, par exemple 06 12 34 56 78."),
    (parse_phone, "00 12 34 56 78", "Le deuxième chiffre du numéro ne peut pas être 0."),
    (parse_postal_code, "", "Saisissez le code postal."),
    (parse_postal_code, "1233", "Le code postal comporte 5 chiffres, par exemple 12330."),
    (parse_postal_code, "2A000", "Le code postal comporte 5 chiffres, par exemple 12330."),
    (parse_postal_code, "00100", "Le code postal comporte 5 chiffres, par exemple 12330."),
    (parse_code, "", "Saisissez le code reçu par courriel."),
    (parse_code, "12345", "Le code compte 6 chiffres."),
    (parse_code, "abcdef", "Le code compte 6 chiffres."),
]


@pytest.mark.parametrize(("parse", "typed", "message"), REFUSED)
def test_refused_with_a_french_message(parse, typed, message):
    assert parse(typed) == (None, message)


@pytest.mark.parametrize(("options", "typed", "outcome"), [
    ({"blank": "Saisissez une date."}, "  ", (None, "Saisissez une date.")),
    ({"malformed": "Exemple : 07/05/1985."}, "7-5-1985", (None, "Exemple : 07/05/1985.")),
    ({"nonexistent": "Vérifiez le jour."}, "30/02/2026", (None, "Vérifiez le jour.")),
    ({"min_year": 1900}, "01/01/1850", (None, "L'année doit être postérieure à 1900.")),
    # The year is refused before the day is looked at: 1899 had no 29 February either.
    ({"min_year": 1900}, "29/02/1899", (None, "L'année doit être postérieure à 1900.")),
    ({"min_year": 1900}, "01/01/1900", (date(1900, 1, 1), None)),
])
def test_date_messages_are_the_callers_when_given(options, typed, outcome):
    assert parse_date(typed, **options) == outcome


@pytest.mark.parametrize(("typed", "options", "outcome"), [
    ("  Ma   carte \n", {"blank": "Vide."}, ("Ma carte", None)),
    ("   ", {"blank": "Vide."}, (None, "Vide.")),
    ("   ", {"blank": None}, ("", None)),  # optional
    ("x" * 10, {"blank": "Vide."}, ("x" * 10, None)),
    ("x" * 11, {"blank": "Vide."}, (None, "10 caractères au plus.")),
    ("x" * 11, {"blank": "Vide.", "too_long": "L'objet : {n} au plus."}, (None, "L'objet : 10 au plus.")),
])
def test_line_collapses_spaces_and_is_bounded(typed, options, outcome):
    assert parse_line(typed, max_length=10, **options) == outcome


def test_phone_as_stored_passes_the_contract():
    value, _message = parse_phone("+33 (0)6 12 34 56 78")
    ContactUpdate(phone=value)


def test_checked_files_each_outcome_under_its_field():
    checked = Checked()
    checked.add("email", parse_email("a@b.fr"))
    assert checked.ok and checked.values == {"email": "a@b.fr"}
    checked.add("code", parse_code("12"))
    assert not checked.ok and checked.errors == {"code": "Le code compte 6 chiffres."}
    assert "code" not in checked.values


def test_messages_follow_the_language(monkeypatch):
    from msa_tui.core import i18n

    i18n.set_language("en")
    try:
        assert parse_date("01/01/1850", min_year=1900) == (None, "The year must be after 1900.")
        assert parse_postal_code("")[1] == "Enter the postal code."
    finally:
        i18n.set_language("fr")


def test_one_date_pattern_in_core():
    """The JJ/MM/AAAA pattern lives here only: the domain modules ask `fields`."""
    from pathlib import Path

    core = Path(fields.__file__).parent
    holders = [p.name for p in core.rglob("*.py") if r"(\d{1,2})/(\d{1,2})/(\d{4})" in p.read_text("utf-8")]
    assert holders == ["fields.py"]


def test_a_date_typed_as_8_digits_is_written_and_read_as_a_date() -> None:
    from msa_tui.core.fields import typed_date

    assert typed_date("03061992") == "03/06/1992"
    assert typed_date(" 03061992 ") == "03/06/1992"
    for other in ("0306199", "030619920", "03/06/1992", "3-6-1992", ""):
        assert typed_date(other) == other
    assert parse_date("03061992") == (date(1992, 6, 3), None)
    assert parse_date("31021992")[1] == "Cette date n'existe pas."
