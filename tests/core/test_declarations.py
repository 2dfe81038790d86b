"""Quarterly declarations' rules: the grid of cells, French amounts, pre-filled text, the body and the recap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from msa_tui.api.models import Declaration, DeclaredAmount, HouseholdMember, Me
from msa_tui.core.declarations import cells, check_amounts, filing, household, month_name, prefilled, recap


def _me() -> Me:
    return Me.model_validate({
        "id": "m1", "nir": "1850712345678", "first_name": "Pierre", "last_name": "Martin", "email": "p@x.fr",
        "phone": None, "caisse": "MSA Midi-Pyrénées Nord",
        "address": {"line1": "1 rue", "postal_code": "12000", "city": "Rodez"},
        "household": [HouseholdMember(id="h1", first_name="Anne", last_name="Martin", relation="conjoint")]})


def _declaration(**over) -> Declaration:
    base = dict(id="d1", benefit="prime_activite", quarter="2026-T3", status="a_faire", due_date=date(2026, 11, 30),
                prefill=[DeclaredAmount(person_id="h1", month="2026-08", kind="salaires", amount=Decimal("1498.75"))])
    return Declaration(**(base | over))


def test_a_cell_per_person_resource_and_month_in_screen_order():
    people = household(_me())
    grid = cells(people, _declaration())
    assert len(grid) == 2 * 4 * 3
    assert [(c.person_id, c.kind, c.month) for c in grid[:4]] == [
        ("m1", "salaires", "2026-07"), ("m1", "salaires", "2026-08"), ("m1", "salaires", "2026-09"),
        ("m1", "chomage", "2026-07")]
    assert len({c.name for c in grid}) == len(grid)
    assert [month_name(m) for m in _declaration(quarter="2026-T1").months] == ["janvier", "février", "mars"]


def test_known_amounts_are_offered_as_a_member_would_type_them():
    grid = cells(household(_me()), _declaration())
    text = prefilled(grid, _declaration())
    assert list(text.values()) == ["1 498,75"]
    assert check_amounts(grid, text).values[next(iter(text))] == Decimal("1498.75")


def test_amounts_are_read_in_french_and_refused_in_short_words():
    grid = cells(household(_me()), _declaration())
    a, b, c, d = (cell.name for cell in grid[:4])
    checked = check_amounts(grid, {a: "1 234,5", b: "12.345", c: "-3", d: "2000000000"})
    assert checked.values[a] == Decimal("1234.5") and checked.values[grid[5].name] == Decimal(0)
    assert checked.errors == {b: "Exemple :\n1 234,56", c: "Pas de montant négatif.", d: "Montant trop élevé."}


def test_only_amounts_received_are_sent_and_refusals_find_their_cell():
    grid = cells(household(_me()), _declaration())
    values: dict[str, object] = {cell.name: Decimal(0) for cell in grid}
    values[grid[1].name] = Decimal("10")
    values[grid[-1].name] = Decimal("20.5")
    sent = filing(grid, values, certified=True)
    assert sent.body.certified is True
    assert [(a.person_id, a.month, a.kind, a.amount) for a in sent.body.amounts] == [
        ("m1", "2026-08", "salaires", Decimal("10")), ("h1", "2026-09", "autres", Decimal("20.5"))]
    assert sent.field_of("amounts.1.amount") == grid[-1].name and sent.field_of("amounts.0") == grid[1].name
    assert sent.field_of("amounts.7.amount") is None and sent.field_of("certified") is None


def test_the_recap_says_each_persons_resources_and_the_households_total():
    people = household(_me())
    grid = cells(people, _declaration())
    values: dict[str, object] = {cell.name: Decimal(0) for cell in grid}
    values[grid[12].name] = Decimal("1512.4")  # Anne, salaires, juillet
    values[grid[13].name] = Decimal("1498.75")
    lines = recap(people, grid, values)
    assert lines == [
        "Pierre Martin (vous-même)", "  Aucune ressource pendant le trimestre.",
        "Anne Martin (conjoint·e)",
        "  Salaires, revenus d'activité : juillet 1\u00a0512,40\u00a0€ · août 1\u00a0498,75\u00a0€",
        "Total des ressources du foyer pour le trimestre : 3\u00a0011,15\u00a0€",
    ]
