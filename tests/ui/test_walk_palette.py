"""The palette jumps to a page without stacking it, a home key, catalogue services, French words."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.support.ui import login, make_app, type_text, wait_for, wait_screen


def _prompts(app) -> list[str]:
    return [str(option.prompt) for widget in app.screen.query(OptionList) for option in widget.options]


def _offers(app, word: str) -> bool:
    return any(word.lower() in prompt.lower() for prompt in _prompts(app))


async def _jump(pilot, query: str, offered: str, screen: str) -> None:
    await pilot.press("ctrl+p")
    await wait_screen(pilot, "MsaCommandPalette")
    await type_text(pilot, query)
    await wait_for(pilot, lambda: _offers(pilot.app, offered))
    # Hits arrive while the search runs: move down to the wanted one, as a member would.
    command_list = pilot.app.screen.query_one("CommandList", OptionList)
    for _row in range(20):
        await pilot.press("down")
        option = command_list.highlighted_option
        if option is not None and offered.lower() in str(option.prompt).lower():
            break
    await pilot.press("enter")
    await wait_screen(pilot, screen)


def _names(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack[1:]]


async def test_palette_jumps_replace_the_stack_and_one_escape_leads_home(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await _jump(pilot, "procurations", "procurations", "ProcurationsScreen")
        await _jump(pilot, "paiements", "paiements", "PaymentsScreen")
        await _jump(pilot, "espace priv", "mon espace privé", "DashboardScreen")
        assert _names(app) == ["DashboardScreen"]
        await _jump(pilot, "attestations", "attestations", "AttestationsScreen")
        await _jump(pilot, "procurations", "procurations", "ProcurationsScreen")
        assert _names(app) == ["DashboardScreen", "ProcurationsScreen"]
        await pilot.press("escape")
        await wait_screen(pilot, "DashboardScreen")
        # Escape on the dashboard: nothing closes, nobody is logged out.
        await pilot.press("escape")
        await pilot.pause()
        assert _names(app) == ["DashboardScreen"] and app.me is not None


async def test_palette_brings_an_open_page_forward(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("4")  # services, then D: démarches above it
        await wait_screen(pilot, "ServicesScreen")
        services = app.screen
        await pilot.press("d")
        await wait_screen(pilot, "RequestsScreen")
        await _jump(pilot, "tous mes services", "tous mes services", "ServicesScreen")
        assert app.screen is services
        assert _names(app) == ["DashboardScreen", "ServicesScreen"]


async def test_home_key_reaches_the_dashboard_from_deep_pages(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("4")
        await wait_screen(pilot, "ServicesScreen")
        await pilot.press("d")
        await wait_screen(pilot, "RequestsScreen")
        await pilot.press("ctrl+home")
        await wait_screen(pilot, "DashboardScreen")
        assert _names(app) == ["DashboardScreen"]
        await pilot.press("ctrl+home", "escape")
        await pilot.pause()
        assert _names(app) == ["DashboardScreen"] and app.me is not None


async def test_home_key_is_listed_in_f1(server_app):
    from textual.widgets import DataTable

    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("2")
        await wait_screen(pilot, "MessagesScreen")
        await pilot.press("f1")
        await wait_screen(pilot, "HelpScreen")
        table = app.screen.query_one(DataTable)
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert "app.home" in ids


async def test_palette_finds_catalogue_services_and_demarches(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await _jump(pilot, "vitale", "carte vitale", "RequestFormScreen")
        assert _names(app) == ["DashboardScreen", "RequestFormScreen"]


async def test_palette_says_no_result_in_french(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "MsaCommandPalette")
        await type_text(pilot, "zzzqqq")
        await wait_for(pilot, lambda: _offers(app, "Aucun résultat"))
        assert not _offers(app, "No matches")
