"""Rules of the démarches: typed answers checked in French, statuses and quarters in words (no Textual)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from msa_tui.api.models import Declaration, FormField, RequestForm, RequestStatus
from msa_tui.core.fields import Checked, Parsed, parse_date, parse_money, parse_whole_number
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




def parse_answer_date(text: str) -> Parsed[str]:
    """JJ/MM/AAAA → ISO "AAAA-MM-JJ" (what the server takes), or a French message."""
    day, message = parse_date(
        text,
        malformed=_("Date au format JJ/MM/AAAA, par exemple 15/11/2026."),
        nonexistent=_("Cette date n'existe pas : vérifiez le jour et le mois."),
    )
    return (None, message) if day is None else (day.isoformat(), None)


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
        return parse_whole_number(text)
    if form_field.kind == "money":
        return parse_money(text)
    if form_field.kind == "date":
        return parse_answer_date(text)
    return None, _("Réponse invalide.")


def check_answers(form: RequestForm, raw: dict[str, Answer]) -> Checked:
    """Every field of the form checked; values hold what to send (None for an empty optional field)."""
    checked = Checked()
    for form_field in form.fields:
        checked.add(form_field.name, check_field(form_field, raw.get(form_field.name)))
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
        checked.add(name, parse_money(text))
    return checked
