"""Rules of the démarches: typed answers checked in French, statuses and quarters in words (no Textual)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from msa_tui.api.models import Declaration, FormField, RequestForm, RequestStatus
from msa_tui.core.i18n import _

Answer = str | int | Decimal | float | bool | None
"""One typed answer; money is a Decimal (a float only when a server sent it)."""

STATUS_LABELS: dict[str, str] = {
    RequestStatus.brouillon.value: "Brouillon",
    RequestStatus.deposee.value: "Déposée",
    RequestStatus.en_cours.value: "En cours d'instruction",
    RequestStatus.pieces_demandees.value: "Pièces demandées",
    RequestStatus.acceptee.value: "Acceptée",
    RequestStatus.refusee.value: "Refusée",
}

BENEFIT_LABELS = {"rsa": "RSA", "prime_activite": "Prime d'activité", "logement": "Aide au logement"}

RESOURCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("salaires", "Salaires et revenus d'activité (€)"),
    ("chomage", "Allocations chômage (€)"),
    ("pensions", "Pensions, retraites et rentes (€)"),
    ("autres", "Autres ressources (€)"),
)
"""The resources of a quarterly declaration, in the order the form asks for them."""

MONEY_MAX = Decimal("1000000000")
_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONEY_RE = re.compile(r"^\d+(,\d{1,2})?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")


@dataclass
class Checked:
    """A whole form checked: the values to send, and a French message per faulty field."""

    values: dict[str, Answer] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def status_label(status: RequestStatus | str) -> str:
    """A request status in French words ("Pièces demandées")."""
    return _(STATUS_LABELS.get(str(status), str(status)))


def field_label(form_field: FormField) -> str:
    """The label with "(obligatoire)" or "(facultatif)" written out, never a bare star.

    A yes/no box always holds an answer, so it gets no mark.
    """
    if form_field.kind == "bool":
        return _(form_field.label)
    mark = _("(obligatoire)") if form_field.required else _("(facultatif)")
    return f"{_(form_field.label)} {mark}"


def field_hint(form_field: FormField) -> str:
    """How to type the answer, then the server's own help text."""
    hints = {
        "date": _("Au format JJ/MM/AAAA, par exemple 15/11/2026."),
        "money": _("En euros, par exemple 1 234,56."),
        "number": _("Un nombre entier, par exemple 3."),
    }
    parts = [hints.get(form_field.kind, "")]
    if form_field.kind == "text" and form_field.max_length:
        parts.append(_("{n} caractères au plus.").format(n=form_field.max_length))
    if form_field.help:
        parts.append(_(form_field.help))
    return " ".join(part for part in parts if part)


def parse_money(text: str) -> tuple[Decimal | None, str | None]:
    """"1 234,56" (spaces or none, comma or point, optional €) → 1234.56, or a French message."""
    cleaned = _SPACES.sub("", text).removesuffix("€").replace(".", ",")
    if not _MONEY_RE.match(cleaned):
        if cleaned.startswith("-"):
            return None, _("Le montant ne peut pas être négatif.")
        return None, _("Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus).")
    try:
        amount = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already refuses it
        return None, _("Montant invalide : écrivez par exemple 1 234,56 (deux décimales au plus).")
    if amount >= MONEY_MAX:
        return None, _("Ce montant est trop élevé.")
    return amount, None


def parse_number(text: str) -> tuple[int | None, str | None]:
    """A whole number, spaces allowed ("1 200")."""
    cleaned = _SPACES.sub("", text)
    if not cleaned.isdigit():
        return None, _("Saisissez un nombre entier, sans virgule, par exemple 3.")
    value = int(cleaned)
    if value >= MONEY_MAX:
        return None, _("Ce nombre est trop grand.")
    return value, None


def parse_date(text: str) -> tuple[str | None, str | None]:
    """JJ/MM/AAAA → ISO "AAAA-MM-JJ" (what the server takes), or a French message."""
    match = _DATE_RE.match(text.strip())
    if match is None:
        return None, _("Date au format JJ/MM/AAAA, par exemple 15/11/2026.")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day).isoformat(), None
    except ValueError:
        return None, _("Cette date n'existe pas : vérifiez le jour et le mois.")


def check_field(form_field: FormField, raw: Answer) -> tuple[Answer, str | None]:
    """One typed answer → (value to send, None) or (None, French message).

    `raw` is the text typed (text, number, date, money), a choice code (or None) or a bool.
    """
    if form_field.kind == "bool":
        return bool(raw), None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if form_field.required:
            return None, _("Ce champ est obligatoire.")
        return None, None
    if form_field.kind == "choice":
        codes = [choice.code for choice in form_field.choices]
        return (raw, None) if raw in codes else (None, _("Choisissez une réponse dans la liste."))
    text = str(raw).strip()
    if form_field.kind == "text":
        limit = form_field.max_length or 500
        if len(text) > limit:
            return None, _("{n} caractères au plus (vous en avez saisi {m}).").format(n=limit, m=len(text))
        return text, None
    if form_field.kind == "number":
        return parse_number(text)
    if form_field.kind == "money":
        return parse_money(text)
    if form_field.kind == "date":
        return parse_date(text)
    return None, _("Réponse invalide.")


def check_answers(form: RequestForm, raw: dict[str, Answer]) -> Checked:
    """Every field of the form checked; values hold what to send (None for an empty optional field)."""
    checked = Checked()
    for form_field in form.fields:
        value, error = check_field(form_field, raw.get(form_field.name))
        if error:
            checked.errors[form_field.name] = error
        else:
            checked.values[form_field.name] = value
    return checked


def field_of(server_field: str) -> str | None:
    """The server's field path ("answers.loyer_mensuel", "resources.salaires") → the form's name."""
    head, _sep, name = server_field.partition(".")
    if head in ("answers", "resources", "body") and name:
        return name.split(".")[-1]
    return None


def show_answer(form_field: FormField, value: Any) -> str:
    """A stored answer as the member typed it: money "1 234,56 €", dates JJ/MM/AAAA, choices in words."""
    from msa_tui.core.formatting import money, short_date

    if value is None or value == "":
        return _("non renseigné")
    if form_field.kind == "bool":
        return _("Oui") if value else _("Non")
    if form_field.kind == "money":
        return money(float(value))
    if form_field.kind == "date":
        try:
            return short_date(date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if form_field.kind == "choice":
        return next((_(c.label) for c in form_field.choices if c.code == value), str(value))
    return str(value)


def quarter_label(quarter: str) -> str:
    """"2026-T3" → "3e trimestre 2026" ("1er trimestre" for the first)."""
    year, _sep, number = quarter.partition("-T")
    if number == "1":
        return _("1er trimestre {year}").format(year=year)
    return _("{n}e trimestre {year}").format(n=number, year=year)


def declaration_title(declaration: Declaration) -> str:
    benefit = _(BENEFIT_LABELS.get(declaration.benefit, declaration.benefit))
    return f"{benefit} · {quarter_label(declaration.quarter)}"


def declaration_state(declaration: Declaration) -> str:
    """"À faire, avant le 30/11/2026" or "Déposée le 21/10/2026"."""
    from msa_tui.core.formatting import short_date

    if str(declaration.status) == "a_faire":
        return _("À faire, avant le {date}").format(date=short_date(declaration.due_date))
    if declaration.filed_at is not None:
        return _("Déposée le {date}").format(date=short_date(declaration.filed_at))
    return _("Déposée")


def check_resources(raw: dict[str, str]) -> Checked:
    """The four resources of a declaration: an empty box counts as 0 (nothing received)."""
    checked = Checked()
    for name, _label in RESOURCE_FIELDS:
        text = raw.get(name, "") or ""
        if not text.strip():
            checked.values[name] = Decimal(0)
            continue
        value, error = parse_money(text)
        if error:
            checked.errors[name] = error
        else:
            checked.values[name] = value
    return checked
