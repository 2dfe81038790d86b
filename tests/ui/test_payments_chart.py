"""Payments at a glance (issue 14, item 8): the 12-month chart by keys, readable without colour."""

from __future__ import annotations

import re

import pytest
from textual.widgets import DataTable

from tests.support.doubles import shown
from tests.support.ui import make_app, wait_for
from tests.ui.test_payments import euros, open_payments, rows


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


AMOUNT = r"(\d[\d ]*,\d\d €)"


def chart_text(app) -> str:
    """The chart as shown, its no-break spaces (money's) read as spaces."""
    return shown(app, "#payments-chart").replace("\u00a0", " ")


def on_screen(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return widget.display and widget.region.width > 0 and widget.region.height > 0


async def test_g_shows_the_chart_in_the_tables_place_at_80_columns_and_g_again_the_table(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        assert not on_screen(app, "#payments-chart")
        domains = {r[1] for r in rows(app)}
        await pilot.press("g")
        await wait_for(pilot, lambda: "12 derniers mois" in chart_text(app))
        await pilot.pause()
        assert on_screen(app, "#payments-chart") and not on_screen(app, "#payments-table")
        text = chart_text(app)
        # The domains are named in words (the legend), each with its total written.
        legend = dict(re.findall(r"^. (.+?) : " + AMOUNT + "$", text, re.MULTILINE))
        assert domains <= set(legend)  # short words at 80 columns, as in the table
        # One line per month, oldest first, each with its total written (or a dash for none).
        months = re.findall(r"^(\S+ \d\d) .*? (\d[\d ]*,\d\d €|—)$", text, re.MULTILINE)
        assert [m[0] for m in months][:2] == ["déc. 25", "janv. 26"] and months[-1] == ("nov. 26", "—")
        assert len(months) == 12
        assert sum(euros(a) for a in legend.values()) == sum(euros(a) for _, a in months if a != "—")
        assert ("août 26", "1 370,62 €") in months
        await pilot.press("g")
        await pilot.pause()
        assert on_screen(app, "#payments-table") and not on_screen(app, "#payments-chart")


async def test_the_chart_stands_beside_the_table_from_140_columns(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(150, 40)) as pilot:
        await open_payments(pilot)
        await wait_for(pilot, lambda: "Famille : 2 570,73 €" in chart_text(app))
        await pilot.pause()
        chart, table = app.screen.query_one("#payments-chart"), app.screen.query_one(DataTable)
        assert on_screen(app, "#payments-chart") and on_screen(app, "#payments-table")
        assert chart.region.x >= table.region.right
        # The label keeps a useful width beside the chart: the longest dental label on one line.
        label = table.columns[table.ordered_columns[2].key]
        assert label.width >= 30
