"""Quarterly declarations by keys: per person and month, pre-filled, a recap certified on honour, a receipt."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Input

from msa_tui.api.models import DeclarationAmount, DeclarationFile
from tests.support.doubles import shown
from tests.support.members import DEMO_NIR, DEMO_PASSWORD
from tests.support.navigation import go_to
from tests.support.ui import login, make_app, type_text, wait_for, wait_screen
from tests.ui.test_requests import options

FIRST_CELL = "#a0-salaires-0-input"
"""Pierre's own salaries in the first month of the quarter (the field focused first)."""


async def open_form(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "declarations")
    await wait_for(pilot, lambda: len(options(pilot.app, "#declarations")) == 4)
    assert "À faire, avant le" in options(pilot.app, "#declarations")[0]
    await pilot.press("enter")
    await wait_screen(pilot, "DeclarationFormScreen")


def value(app, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


async def test_a_declaration_filed_by_keys_after_its_recap_and_certification(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        # Anne's salaries are known to the MSA: there already, as typed amounts.
        assert [value(app, f"#a1-salaires-{m}-input") for m in range(3)] == ["1 512,40", "1 498,75", "1 530,10"]
        assert app.focused is app.screen.query_one(FIRST_CELL)
        await type_text(pilot, "1 450,20")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#declaration-recap").display)
        recap = shown(app, "#recap-lines")
        assert "Pierre Martin (vous-même)" in recap and "juillet 1\u00a0450,20\u00a0€" in recap
        assert "Total des ressources du foyer pour le trimestre : 5\u00a0991,45\u00a0€" in recap
        await pilot.press("ctrl+s")  # not certified: refused here, nothing sent
        await wait_for(pilot, lambda: "Cochez la case" in shown(app, "#declaration-error"))
        assert type(app.screen).__name__ == "DeclarationFormScreen"
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "ReceiptScreen")
        await wait_for(pilot, lambda: app.screen.receipt is not None)
        reference = app.screen.receipt.reference
        assert "« Mes envois »" in shown(app, "#receipt-note")
        await pilot.press("escape")
        await wait_screen(pilot, "DeclarationsScreen")
        await wait_for(pilot, lambda: "Déposée le" in options(app, "#declarations")[0])
    client = make_client()
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    stored = (await client.declarations()).items[0]
    assert stored.reference == reference and stored.resources["salaires"] == Decimal("5991.45")
    me = await client.me()
    assert [(a.person_id, a.month) for a in stored.amounts if a.amount == Decimal("1450.20")] == [(me.id, "2026-07")]


async def test_a_mistyped_amount_is_told_under_its_cell_and_the_recap_goes_back_to_the_form(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        await type_text(pilot, "12.345")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Exemple :\n1 234,56" in shown(app, "#a0-salaires-0-error"))
        assert not app.screen.query_one("#declaration-recap").display
        assert "rien n'a été envoyé" in shown(app, "#declaration-error")
        app.screen.query_one(FIRST_CELL, Input).value = ""
        await type_text(pilot, "12,3")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#declaration-recap").display)
        await pilot.press("escape")  # back to the amounts, not out of the page
        await wait_for(pilot, lambda: app.screen.query_one("#declaration-edit").display)
        assert type(app.screen).__name__ == "DeclarationFormScreen" and value(app, FIRST_CELL) == "12,3"


async def test_a_refusal_by_the_server_keeps_what_was_typed(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_form(pilot)
        client = make_client()
        await client.login(DEMO_NIR, DEMO_PASSWORD)
        me = await client.me()
        line = DeclarationAmount(person_id=me.id, month="2026-07", kind="salaires", amount=Decimal(1))
        await client.file_declaration(app.screen.declaration.id, DeclarationFile(amounts=[line], certified=True))
        await type_text(pilot, "100")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#declaration-recap").display)
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: "déjà été déposée" in shown(app, "#declaration-error"))
        assert value(app, FIRST_CELL) == "100" and value(app, "#a1-salaires-0-input") == "1 512,40"
