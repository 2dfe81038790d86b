"""Démarche rules: typed answers (required, number, money, date, length, choice), statuses and quarters in French."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from msa_tui.api.models import Choice, Declaration, FormField, RequestForm
from msa_tui.core.fields import parse_money
from msa_tui.core.requests import (
    check_answers,
    check_field,
    check_resources,
    declaration_state,
    field_hint,
    field_label,
    field_of,
    parse_answer_date,
    quarter_label,
    show_answer,
    status_label,
)


def fld(kind: str, required: bool = True, **kw) -> FormField:
    return FormField(name="x", label="Champ", kind=kind, required=required, **kw)


@pytest.mark.parametrize("typed, amount", [
    ("1 234,56", "1234.56"), ("1234,56", "1234.56"), ("1234.5", "1234.5"), ("0", "0"),
    ("1\u00a0234,56 €", "1234.56"), ("  12 ", "12"), ("1 000 000", "1000000"),
])
def test_money_is_read_as_french_people_write_it(typed, amount):
    value, error = parse_money(typed)
    assert error is None and isinstance(value, Decimal) and value == Decimal(amount)


@pytest.mark.parametrize("typed", ["12,345", "douze", "1,2,3", "", "12,", ",5"])
def test_bad_money_gets_a_french_message(typed):
    value, error = parse_money(typed)
    assert value is None and "1 234,56" in error


def test_negative_and_huge_money_refused():
    assert "négatif" in parse_money("-12")[1]
    assert "trop élevé" in parse_money("9999999999")[1]


def test_dates_are_typed_jj_mm_aaaa_and_sent_iso():
    assert parse_answer_date("07/05/1985") == ("1985-05-07", None)
    assert parse_answer_date(" 1/2/2026 ") == ("2026-02-01", None)
    assert parse_answer_date("")[1] == "Date au format JJ/MM/AAAA, par exemple 15/11/2026."
    assert parse_answer_date("2026-02-01")[1] == "Date au format JJ/MM/AAAA, par exemple 15/11/2026."
    assert parse_answer_date("31/02/2026")[1] == "Cette date n'existe pas : vérifiez le jour et le mois."


def test_required_field_left_empty_says_so_and_optional_is_fine():
    assert check_field(fld("text"), "  ") == (None, "Ce champ est obligatoire.")
    assert check_field(fld("choice"), None)[1] == "Ce champ est obligatoire."
    assert check_field(fld("text", required=False), "") == (None, None)


def test_number_max_length_choice_and_bool():
    assert check_field(fld("number"), "3") == (3, None)
    assert "nombre entier" in check_field(fld("number"), "2,5")[1]
    assert check_field(fld("text", max_length=5), "abcdef")[1] == "5 caractères au plus (vous en avez saisi 6)."
    assert check_field(fld("text", max_length=5), " abc ") == ("abc", None)
    choice = fld("choice", choices=[Choice(code="a", label="A")])
    assert check_field(choice, "a") == ("a", None)
    assert "liste" in check_field(choice, "z")[1]
    assert check_field(fld("bool"), None) == (False, None)
    assert check_field(fld("bool"), True) == (True, None)


def test_whole_form_checked_with_errors_per_field():
    form = RequestForm(type="rsa", label="RSA", fields=[
        FormField(name="n", label="N", kind="number"),
        FormField(name="m", label="M", kind="money"),
        FormField(name="o", label="O", kind="text", required=False),
    ])
    checked = check_answers(form, {"n": "4", "m": "", "o": ""})
    assert not checked.ok
    assert checked.errors == {"m": "Ce champ est obligatoire."}
    checked = check_answers(form, {"n": "4", "m": "1 800,00"})
    assert checked.ok and checked.values == {"n": 4, "m": 1800.0, "o": None}


def test_labels_write_required_in_words_and_hints_say_the_format():
    assert field_label(fld("text")) == "Champ (obligatoire)"
    assert field_label(fld("text", required=False)) == "Champ (facultatif)"
    assert "JJ/MM/AAAA" in field_hint(fld("date"))
    assert "1 234,56" in field_hint(fld("money", help="Sur 12 mois."))
    assert field_hint(fld("money", help="Sur 12 mois.")).endswith("Sur 12 mois.")
    assert "120 caractères" in field_hint(fld("text", max_length=120))


def test_statuses_in_french_words():
    assert [status_label(s) for s in ("brouillon", "deposee", "en_cours", "pieces_demandees", "acceptee",
                                      "refusee")] == ["Brouillon", "Déposée", "En cours d'instruction",
                                                      "Pièces demandées", "Acceptée", "Refusée"]


def test_server_field_paths_and_answers_shown():
    assert field_of("answers.loyer_mensuel") == "loyer_mensuel"
    assert field_of("resources.salaires") == "salaires"
    assert field_of("type") is None
    assert show_answer(fld("money"), 1234.5) == "1\u00a0234,50\u00a0€"
    assert show_answer(fld("date"), "2026-02-01") == "01/02/2026"
    assert show_answer(fld("bool"), False) == "Non"
    assert show_answer(fld("choice", choices=[Choice(code="a", label="Ah")]), "a") == "Ah"
    assert show_answer(fld("text"), None) == "non renseigné"


def test_quarters_and_declaration_states():
    assert quarter_label("2026-T1") == "1er trimestre 2026"
    assert quarter_label("2026-T3") == "3e trimestre 2026"
    todo = Declaration(id="d", benefit="rsa", quarter="2026-T3", status="a_faire", due_date=date(2026, 11, 30))
    assert declaration_state(todo) == "À faire, avant le 30/11/2026"
    done = todo.model_copy(update={"status": "deposee",
                                   "filed_at": datetime(2026, 8, 21, 18, tzinfo=UTC)})
    assert declaration_state(done) == "Déposée le 21/08/2026"


def test_resources_empty_count_as_zero_and_bad_ones_are_named():
    checked = check_resources({"salaires": "1 450,20", "chomage": "", "pensions": "0", "autres": " "})
    assert checked.ok
    assert checked.values == {"salaires": Decimal("1450.20"), "chomage": 0, "pensions": 0, "autres": 0}
    assert all(isinstance(value, Decimal) for value in checked.values.values())
    checked = check_resources({"salaires": "beaucoup"})
    assert list(checked.errors) == ["salaires"]
