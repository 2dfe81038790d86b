"""Quarterly declarations as the portal asks them: per household member and per month, a recap, a certification.

The form is a grid of cells (person × resource kind × month), each an amount typed in French; the
server's pre-filled amounts are offered as typed text. No Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..api.models import Declaration, DeclarationAmount, DeclarationFile, Me
from .fields import Checked, parse_money
from .formatting import MONTHS, NBSP, money
from .i18n import _
from .send_document.wizard import Person, people_of

KINDS: tuple[tuple[str, str], ...] = (
    ("salaires", "Salaires, revenus d'activité"),
    ("chomage", "Allocations chômage"),
    ("pensions", "Pensions, retraites, rentes"),
    ("autres", "Autres ressources"),
)
"""Resource kinds in the order of the form (the server's `RESOURCE_KINDS`), labelled to fit a row."""
CERTIFICATION = "Je certifie sur l'honneur l'exactitude des informations déclarées"
NOT_CERTIFIED = "Cochez la case pour certifier vos déclarations : rien n'a été envoyé."


@dataclass(frozen=True)
class Cell:
    """One amount of the form: whose, which month ("2026-07"), which resource; `name` is its field name."""

    name: str
    person_id: str
    month: str
    kind: str


def month_name(month: str) -> str:
    """"2026-07" → "juillet"."""
    return _(MONTHS[int(month[5:]) - 1])


def household(me: Me) -> list[Person]:
    """Whose resources are declared: the member first, then each person of the household."""
    return people_of(me)


def cells(people: list[Person], declaration: Declaration) -> list[Cell]:
    """Every cell, person by person, resource by resource, month by month (the order on screen)."""
    return [Cell(f"a{p}-{kind}-{m}", person.id, month, kind)
            for p, person in enumerate(people) for kind, _label in KINDS
            for m, month in enumerate(declaration.months)]


def typed_amount(amount: Decimal) -> str:
    """An amount as a member would type it: "1 512,40" (no euro sign)."""
    return money(amount).removesuffix(f"{NBSP}€").replace(NBSP, " ")


def prefilled(grid: list[Cell], declaration: Declaration) -> dict[str, str]:
    """The text of the cells the MSA already knows (employers', pension funds' declarations)."""
    known = {(a.person_id, a.month, a.kind): a.amount for a in declaration.prefill}
    return {c.name: typed_amount(known[key]) for c in grid
            if (key := (c.person_id, c.month, c.kind)) in known}


def check_amounts(grid: list[Cell], raw: dict[str, str]) -> Checked:
    """Each cell: an empty box is 0 (nothing received), else an amount in French ("1 234,56").

    `parse_money` decides; its message is shortened to fit under a cell a sixth of the screen wide.
    """
    checked = Checked()
    for cell in grid:
        text = raw.get(cell.name, "") or ""
        if not text.strip():
            checked.values[cell.name] = Decimal(0)
            continue
        amount, message = parse_money(text)
        if message is None:
            checked.values[cell.name] = amount
        elif text.strip().startswith("-"):
            checked.errors[cell.name] = _("Pas de montant négatif.")
        elif message == _("Ce montant est trop élevé."):
            checked.errors[cell.name] = _("Montant trop élevé.")
        else:
            checked.errors[cell.name] = _("Exemple :\n1 234,56")  # two lines: the amount never cut in a narrow cell
    return checked


@dataclass(frozen=True)
class Filing:
    """The body to send, and which cell each of its lines came from (to put the server's refusals back)."""

    body: DeclarationFile
    names: list[str]

    def field_of(self, server_field: str) -> str | None:
        """"amounts.3.amount" → the name of the cell the 4th line came from."""
        head, _sep, rest = server_field.partition(".")
        index = rest.split(".")[0]
        if head == "amounts" and index.isdigit() and int(index) < len(self.names):
            return self.names[int(index)]
        return None


def filing(grid: list[Cell], values: dict[str, object], *, certified: bool) -> Filing:
    """Every non-zero amount (what is not listed was not received)."""
    lines, names = [], []
    for cell in grid:
        amount = values.get(cell.name)
        if isinstance(amount, Decimal) and amount > 0:
            lines.append(DeclarationAmount(person_id=cell.person_id, month=cell.month, kind=cell.kind,
                                           amount=amount))
            names.append(cell.name)
    return Filing(DeclarationFile(amounts=lines, certified=certified), names)


def recap(people: list[Person], grid: list[Cell], values: dict[str, object]) -> list[str]:
    """What will be declared, in words: per person, each resource received month by month, then the total."""
    kinds = dict(KINDS)
    out: list[str] = []
    total = Decimal(0)
    for person in people:
        out.append(person.label)
        said = False
        for kind, _label in KINDS:
            months = [(c.month, values.get(c.name)) for c in grid if c.person_id == person.id and c.kind == kind]
            parts = [f"{month_name(m)} {money(v)}" for m, v in months if isinstance(v, Decimal) and v > 0]
            if parts:
                said = True
                out.append(f"  {_(kinds[kind])} : " + " · ".join(parts))
                total += sum((v for _m, v in months if isinstance(v, Decimal)), Decimal(0))
        if not said:
            out.append("  " + _("Aucune ressource pendant le trimestre."))
    out.append(_("Total des ressources du foyer pour le trimestre : {total}").format(total=money(total)))
    return out
