"""The NIR rules: what a member may type or paste as an identifier, and what they are told."""

from __future__ import annotations

import pytest

from msa_tui.core import i18n, nir
from msa_tui.core.nir import (
    could_be_nir,
    format_nir,
    mask_nir,
    nir_key,
    normalize_nir,
    validate_nir,
)

DEMO = ["1850712345678", "2900529012345", "178022A123456"]
# Computed independently: 97 - (number mod 97), with 2A read as 19.
DEMO_KEYS = {"1850712345678": 65, "2900529012345": 96, "178022A123456": 37}


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


@pytest.mark.parametrize("value", DEMO)
def test_demo_nirs_are_valid(value):
    assert validate_nir(value) == nir.NirResult(True, value, None)


def test_demo_keys():
    for value, key in DEMO_KEYS.items():
        assert nir_key(value) == key
    assert DEMO_KEYS["1850712345678"] == 97 - 1850712345678 % 97
    assert DEMO_KEYS["178022A123456"] == 97 - 1780219123456 % 97


def test_corsica_2b_read_as_18():
    assert nir_key("178022B123456") == 97 - 1780218123456 % 97


@pytest.mark.parametrize("value", DEMO)
def test_pasted_with_right_key_is_trimmed(value):
    pasted = value + f"{DEMO_KEYS[value]:02d}"
    result = validate_nir(pasted)
    assert result.valid and result.value == value and result.message is None


def test_pasted_with_wrong_key_is_explained():
    result = validate_nir("1850712345678" + "66")
    assert not result.valid and result.value is None
    assert result.message == "La clé (2 derniers chiffres) ne correspond pas au numéro."


def test_separators_are_ignored():
    assert validate_nir("1 85 07 12 345 678").value == "1850712345678"
    assert validate_nir("1.85.07.12.345.678").value == "1850712345678"
    assert validate_nir("1-85-07-12-345-678 65").value == "1850712345678"
    assert validate_nir("\u00a01 78 02 2a 123 456\t").value == "178022A123456"
    assert validate_nir("1850712345678\r\n").value == "1850712345678"  # pasted with its line break


def test_lower_case_corsica_is_normalized():
    assert validate_nir("178022a123456").value == "178022A123456"
    assert validate_nir("178022b123456").value == "178022B123456"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("185071234", "Le numéro doit comporter 13 caractères (sans la clé) — 9 saisis."),
        ("1", "Le numéro doit comporter 13 caractères (sans la clé) — 1 saisi."),
        ("185071234567", "Le numéro doit comporter 13 caractères (sans la clé) — 12 saisis."),
        ("18507123456789", "14 caractères : saisissez 13 caractères sans la clé, ou les 15 avec la clé."),
    ],
)
def test_length_messages(typed, expected):
    result = validate_nir(typed)
    assert not result.valid and result.message == expected


def test_empty_asks_for_the_number():
    result = validate_nir("   ")
    assert not result.valid and "13 caractères" in result.message


def test_too_long():
    result = validate_nir("1850712345678650")
    assert not result.valid and "16 saisis" in result.message


@pytest.mark.parametrize("typed", ["1850712x45678", "18507 12 345 67é", "1850A12345678", "18507A2345678",
                                   "18507 3A 345 678", "185072AA45678", "1850712345678AB", "1850712345_78"])
def test_only_digits_except_corsica(typed):
    assert validate_nir(typed).message == nir.MSG_CHARACTERS


@pytest.mark.parametrize("first", "0569")
def test_first_digit(first):
    result = validate_nir(first + "850712345678")
    assert result.message == nir.MSG_SEX


@pytest.mark.parametrize("first", "123478")
def test_accepted_first_digits(first):
    assert validate_nir(first + "850712345678").valid


@pytest.mark.parametrize("month", ["00", "13", "19", "43", "49"])
def test_bad_months(month):
    assert validate_nir(f"185{month}12345678").message == "Le mois (4e et 5e chiffres) n'est pas valide."


@pytest.mark.parametrize("month", ["01", "12", "20", "30", "42", "50", "99"])
def test_accepted_months(month):
    assert validate_nir(f"185{month}12345678").valid


def test_problem_is_reported_as_soon_as_typed():
    # Month is wrong after five characters: no need to wait for the 13th.
    assert validate_nir("18513").message == nir.MSG_MONTH
    assert validate_nir("5").message == nir.MSG_SEX


def test_messages_follow_the_language():
    i18n.set_language("en")
    assert validate_nir("185071234").message == "The number must have 13 characters (without the key) — 9 entered."
    assert validate_nir("1850712345678").valid


@pytest.mark.parametrize("prefix", ["", "1", "18", "185", "1850", "18507", "185072", "1850 72A", "178022a",
                                    "1850712345678", "18507123456786", "185071234567865", "1850712345678 00"])
def test_could_be_nir_accepts_possible_prefixes(prefix):
    assert could_be_nir(prefix)


@pytest.mark.parametrize("prefix", ["5", "x", "18513", "18500", "1850A", "18507A", "185072C",
                                    "1850712345678650", "18507123456789a"])
def test_could_be_nir_refuses_impossible_prefixes(prefix):
    assert not could_be_nir(prefix)


def test_nir_key_refuses_malformed():
    for bad in ["", "185071234567", "18507123456789", "1850A12345678"]:
        with pytest.raises(ValueError):
            nir_key(bad)


def test_format_and_mask():
    assert format_nir("1850712345678") == "1 85 07 12 345 678"
    assert format_nir("178022a12345637") == "1 78 02 2A 123 456 37"
    assert mask_nir("1850712345678") == "1 85 07 •• ••• •••"
    assert mask_nir("1 85 07 12 345 678 65") == "1 85 07 •• ••• ••• ••"
    masked = mask_nir("178022A123456")
    assert "2A" not in masked and "123" not in masked


def test_mask_hides_everything_when_not_a_nir():
    assert set(mask_nir("18507123").replace(" ", "")) == {"•"}
    assert mask_nir("") == ""


def test_normalize():
    assert normalize_nir(" 1.78-02 2a ") == "178022A"


# --- the rule as a table: (typed or pasted, 13-character NIR or None, the message when refused) ---------

NIR_TABLE = [
    # Unicode compatibility: thin, ideographic and narrow spaces, full-width digits, pasted dashes.
    ("1\u200985\u200907\u200912\u2009345\u2009678", "1850712345678", None),
    ("1\u300085\u300007\u300012\u3000345\u3000678", "1850712345678", None),
    ("１８５０７１２３４５６７８", "1850712345678", None),
    ("1 85 07 2ａ 123 456", "185072A123456", None),
    ("1\u201185\u201107\u201112\u2011345\u2011678", "1850712345678", None),
    ("1.85.07.12.345.678\t", "1850712345678", None),
    # Sex digits 3 and 4 (older records): month checked like 1 and 2.
    ("3850712345678", "3850712345678", None),
    ("4850712345678", "4850712345678", None),
    ("3851312345678", None, nir.MSG_MONTH),
    ("4854512345678", None, nir.MSG_MONTH),
    # Temporary numbers (NNP): 7 or 8, then a caisse code and an order number: no month check.
    ("7851912345678", "7851912345678", None),
    ("8850012345678", "8850012345678", None),
    ("7994712345678", "7994712345678", None),
    # Still refused: sex 0, 5, 6, 9; impossible months for 1-4.
    ("0850712345678", None, nir.MSG_SEX),
    ("5850712345678", None, nir.MSG_SEX),
    ("6850712345678", None, nir.MSG_SEX),
    ("9850712345678", None, nir.MSG_SEX),
    ("1850012345678", None, nir.MSG_MONTH),
    ("2851912345678", None, nir.MSG_MONTH),
    ("1854312345678", None, nir.MSG_MONTH),
    ("1851x12345678", None, nir.MSG_CHARACTERS),
]


@pytest.mark.parametrize(("typed", "value", "message"), NIR_TABLE)
def test_nir_table(typed, value, message):
    result = validate_nir(typed)
    assert (result.value, result.message) == (value, message)


def test_a_temporary_number_with_its_key_is_checked_like_any_other():
    number = "7851912345678"
    assert validate_nir(f"{number}{nir_key(number):02d}").value == number
    assert validate_nir(f"{number}{(nir_key(number) % 97) + 1:02d}").message == nir.MSG_KEY


def test_the_contract_pattern_agrees_with_the_rule_on_a_sample():
    import random
    import re

    from msa_tui.api.models.common import NIR_PATTERN

    pattern = re.compile(NIR_PATTERN)
    rng = random.Random(8)
    alphabet = "0123456789" * 3 + "AB"
    sample = [f"{s}{y:02d}{m:02d}{d}{r:06d}" for s in "0123456789" for y in (0, 85) for m in range(100)
              for d in ("07", "2A", "2B", "20") for r in (0, 345678)]
    sample += ["".join(rng.choice(alphabet) for _ in range(13)) for _ in range(5000)]
    for value in sample:
        assert bool(pattern.match(value)) == validate_nir(value).valid, value
