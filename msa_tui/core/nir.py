"""The French social-security number (NIR): checks with French messages, key, masking.

The portal identifies a member by the NIR *without* its 2-digit key: 13 characters.

Rules, position by position (1-based), and the choices made here:
- 1: sex. 1 or 2; 3 and 4 (found in older records, accepted by state services);
  7 or 8, the first digit of the temporary numbers (NNP/NIA) given while a
  registration is pending — such members can hold an account. 0, 5, 6, 9 are refused.
- 2-3: year of birth, any two digits.
- 4-5: month (sex 1-4 only). 01-12; also 20-42 and 50-99, which INSEE gives to people whose
  civil-status papers did not state the month. 00, 13-19 and 43-49 are refused.
  A temporary number (7, 8) holds a caisse code and an order number there: no month check.
- 6-7: department: two digits, or 2A / 2B (Corsica; typed in any case, stored upper).
- 8-13: commune (3 digits) and order number (3 digits).
- 14-15, when pasted: the key, 97 − (number mod 97), with 2A read as 19 and 2B
  as 18. A right key is checked then dropped; a wrong one is explained.
Input is first normalised (Unicode NFKC: full-width digits, thin and ideographic
spaces become plain ones), then spaces, dots, hyphens, tabs and line breaks typed
or pasted are ignored. `NIR_PATTERN` is the same rule as one regular expression
(for the API contract); tests check that both agree.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from msa_tui.api.rules import NIR_PATTERN as NIR_PATTERN  # the contract's pattern, no pydantic

from .i18n import _

NIR_LENGTH = 13
NIR_WITH_KEY_LENGTH = 15
SEX_DIGITS = "123478"
TEMPORARY_DIGITS = "78"
SEPARATORS = " .-\t\r\n\u00a0\u202f\u2010\u2011\u2212"

_GROUPS = (1, 2, 2, 2, 3, 3, 2)
_VISIBLE = 5  # sex, year and month stay readable in a masked NIR
MASK_CHAR = "•"

# French source texts (translated by `_()` when returned); tests and widgets may compare with them.
MSG_EMPTY = "Saisissez votre numéro de sécurité sociale : 13 caractères, sans la clé."
MSG_LENGTH = "Le numéro doit comporter 13 caractères (sans la clé) — {n} saisis."
MSG_LENGTH_ONE = "Le numéro doit comporter 13 caractères (sans la clé) — {n} saisi."
MSG_CHARACTERS = "Seuls des chiffres sont permis, sauf 2A ou 2B en 6e et 7e position."
MSG_SEX = "Le premier chiffre doit être 1, 2, 3 ou 4 (7 ou 8 pour un numéro provisoire)."
MSG_MONTH = "Le mois (4e et 5e chiffres) n'est pas valide."
MSG_KEY = "La clé (2 derniers chiffres) ne correspond pas au numéro."
MSG_FOURTEEN = "14 caractères : saisissez 13 caractères sans la clé, ou les 15 avec la clé."
MSG_TOO_LONG = "Trop de caractères : le numéro en comporte 13 sans la clé, 15 avec — {n} saisis."


class NirResult(NamedTuple):
    """`value` is the normalized 13-character NIR when `valid`; else `message` says why (French).

    A NamedTuple, not a dataclass: built at import on the login screen's path, where a dataclass's
    generated methods cost ~0.5 ms (issue 12, start-up)."""

    valid: bool
    value: str | None = None
    message: str | None = None


def normalize_nir(text: str) -> str:
    """NFKC, then drop separators and upper-case: " 1 85 07 2a…" or "１ ８５…" → "185072A…"."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch not in SEPARATORS).upper()


def _month_ok(month: str) -> bool:
    value = int(month)
    return 1 <= value <= 12 or 20 <= value <= 42 or 50 <= value <= 99


def _char_ok(raw: str, index: int) -> bool:
    ch = raw[index]
    if ch in "0123456789":
        return True
    # The only letters: A or B in 7th position right after a 2 (2A, 2B).
    return index == 6 and ch in "AB" and raw[5] == "2"


def _prefix_problem(raw: str) -> str | None:
    """The first rule a prefix breaks, whatever its length (None if none yet)."""
    if any(not _char_ok(raw, i) for i in range(len(raw))):
        return MSG_CHARACTERS
    if raw and raw[0] not in SEX_DIGITS:
        return MSG_SEX
    if len(raw) >= 5 and raw[0] not in TEMPORARY_DIGITS and not _month_ok(raw[3:5]):
        return MSG_MONTH
    return None


def _as_number(nir13: str) -> int:
    # The key is computed on the number with Corsica's letters replaced: 2A → 19, 2B → 18.
    department = nir13[5:7]
    replaced = {"2A": "19", "2B": "18"}.get(department, department)
    return int(nir13[:5] + replaced + nir13[7:])


def nir_key(nir13: str) -> int:
    """The 2-digit key (1-97) of a 13-character NIR (separators allowed); ValueError if malformed."""
    raw = normalize_nir(nir13)
    if len(raw) != NIR_LENGTH or any(not _char_ok(raw, i) for i in range(NIR_LENGTH)):
        raise ValueError(f"not a 13-character NIR: {len(raw)} characters or a bad character")
    return 97 - _as_number(raw) % 97


def validate_nir(text: str) -> NirResult:
    """Check what the user typed or pasted; the message (French) names the first problem."""
    raw = normalize_nir(text)
    n = len(raw)
    if n == 0:
        return NirResult(False, None, _(MSG_EMPTY))
    problem = _prefix_problem(raw)
    if problem is not None:
        return NirResult(False, None, _(problem))
    if n < NIR_LENGTH:
        template = MSG_LENGTH_ONE if n == 1 else MSG_LENGTH
        return NirResult(False, None, _(template).format(n=n))
    if n == NIR_LENGTH + 1:
        return NirResult(False, None, _(MSG_FOURTEEN))
    if n > NIR_WITH_KEY_LENGTH:
        return NirResult(False, None, _(MSG_TOO_LONG).format(n=n))
    nir13 = raw[:NIR_LENGTH]
    if n == NIR_WITH_KEY_LENGTH and int(raw[NIR_LENGTH:]) != nir_key(nir13):
        return NirResult(False, None, _(MSG_KEY))
    return NirResult(True, nir13, None)


def could_be_nir(text: str) -> bool:
    """Whether `text` is a prefix that may still become valid (to refuse impossible keystrokes).

    Lengths up to 15 are accepted; a wrong key at 15 characters is *not* refused
    here, so that `validate_nir` can explain it instead of a keystroke vanishing.
    """
    raw = normalize_nir(text)
    return len(raw) <= NIR_WITH_KEY_LENGTH and _prefix_problem(raw) is None


def _grouped(raw: str) -> str:
    parts, start = [], 0
    for size in _GROUPS:
        if start >= len(raw):
            break
        parts.append(raw[start : start + size])
        start += size
    if start < len(raw):
        parts.append(raw[start:])
    return " ".join(parts)


def format_nir(nir: str) -> str:
    """Readable grouping: "1850712345678" → "1 85 07 12 345 678" (a key becomes a last group)."""
    return _grouped(normalize_nir(nir))


def mask_nir(nir: str) -> str:
    """Grouped, with everything after the month hidden: "1 85 07 •• ••• •••".

    Text that is not a NIR is masked entirely, so that nothing leaks by mistake.
    """
    raw = normalize_nir(nir)
    visible = _VISIBLE if len(raw) in (NIR_LENGTH, NIR_WITH_KEY_LENGTH) else 0
    return _grouped(raw[:visible] + MASK_CHAR * (len(raw) - visible))
