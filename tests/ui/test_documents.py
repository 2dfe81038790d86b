"""« Consulter un document »: the table in words, the direction filter, downloads into the Downloads dir."""

from __future__ import annotations

from textual.widgets import DataTable

from msa_tui.core.paths import downloads_dir
from tests.support.navigation import go_to
from tests.support.doubles import shown
from tests.support.ui import login, make_app, wait_for, wait_screen


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_documents(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "documents")
    await wait_screen(pilot, "DocumentsScreen")
    await wait_for(pilot, lambda: pilot.app.screen.query_one(DataTable).row_count > 0)


async def test_table_lists_documents_both_ways_in_french(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_documents(pilot)
        table = rows(app)
        assert len(table) == 7
        assert {row[1] for row in table} == {"Envoyé", "Reçu"}
        assert all(row[0].count("/") == 2 for row in table)
        assert all(row[3].endswith(" Ko") for row in table)
        assert "Relevé mensuel de prestations" in shown(app, "#document-detail")


async def test_filter_key_cycles_sent_received_all(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_documents(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: rows(app) and {r[1] for r in rows(app)} == {"Envoyé"})
        assert "envoyés" in shown(app, "#documents-filter")
        await pilot.press("f")
        await wait_for(pilot, lambda: rows(app) and {r[1] for r in rows(app)} == {"Reçu"})
        assert "reçus" in shown(app, "#documents-filter")
        await pilot.press("f")
        await wait_for(pilot, lambda: len(rows(app)) == 7)


async def test_enter_downloads_a_pdf_and_shows_where(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_documents(pilot)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "Document enregistré" in shown(app, "#download-result"))
        files = list(downloads_dir().iterdir())
        assert len(files) == 1
        assert files[0].read_bytes().startswith(b"%PDF")
        assert str(files[0]) in shown(app, "#download-result").replace("\n", "")
        assert files[0].is_relative_to(isolated_dirs.parent)


async def test_t_twice_keeps_both_copies(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_documents(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: len(list(downloads_dir().iterdir())) == 1 and not app.screen.downloading)
        await pilot.press("t")
        await wait_for(pilot, lambda: len(list(downloads_dir().iterdir())) == 2)
        names = sorted(p.name for p in downloads_dir().iterdir())
        assert names[0].endswith(" (2).pdf") or names[1].endswith(" (2).pdf")
