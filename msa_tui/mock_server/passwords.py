"""The password policy of registration and reset: length, common passwords, the member's own data."""

from __future__ import annotations

from typing import Any

import functools
import re
import unicodedata
from datetime import date
from importlib import resources

from msa_tui.api.models import Code
from msa_tui.api.models import FieldError

from .problems import ProblemError

MIN_LENGTH = 12


def fold(text: str) -> str:
    """Lower case without accents: 'Élodie' and 'elodie' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def common_passwords() -> frozenset[str]:
    text = resources.files("msa_tui.mock_server").joinpath("data/common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _date_forms(day: date) -> list[str]:
    return [f"{day:%Y%m%d}", f"{day:%d%m%Y}", f"{day:%d%m%y}"]


def problem_with(password: str, *, nir: str, first_name: str, last_name: str, birth_date: date | None) -> str | None:
    """What to change, in French, or None when the password is acceptable."""
    if len(password) < MIN_LENGTH:
        return (f"Le mot de passe doit contenir au moins {MIN_LENGTH} caractères (il en a {len(password)}). "
                "Allongez-le, par exemple en enchaînant plusieurs mots.")
    folded = fold(password)
    core = re.sub(r"[\W\d_]+$", "", folded)  # "motdepasse2026!" is still "motdepasse"
    if folded in common_passwords() or core in common_passwords():
        return ("Ce mot de passe fait partie des plus courants. Choisissez une suite de mots "
                "que personne ne devinerait.")
    alnum = re.sub(r"[\W_]+", "", folded)
    if nir.casefold() in alnum or nir[:7].casefold() in alnum:
        return "Le mot de passe ne doit pas contenir votre numéro de sécurité sociale."
    for name in re.split(r"[\s'’-]+", fold(f"{first_name} {last_name}")):
        if len(name) >= 3 and name in alnum:
            return "Le mot de passe ne doit contenir ni votre nom ni votre prénom."
    digits = re.sub(r"\D+", "", folded)
    if birth_date is not None and any(form in digits for form in _date_forms(birth_date)):
        return "Le mot de passe ne doit pas contenir votre date de naissance."
    return None


def require_strong(password: str, **member: Any) -> None:
    """422 `weak_password` on the `password` field when the policy refuses it (`member`: as
    `problem_with` names them, e.g. account.identity_of)."""
    message = problem_with(password, **member)
    if message is not None:
        raise ProblemError(422, Code.weak_password, message,
                           errors=[FieldError(field="password", message=message)])
