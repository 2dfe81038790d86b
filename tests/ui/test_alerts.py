"""The dashboard tells what needs doing: each alert opens its page by keys; blocks follow changes made elsewhere."""

from __future__ import annotations

from msa_tui.widgets.dashboard_blocks import AlertsPanel, DashboardBlock
from tests.support.members import SOPHIE
from tests.support.ui import login, make_app, type_text, wait_for, wait_screen


def panel(app) -> AlertsPanel:
    return app.screen.query_one(AlertsPanel)


async def on_dashboard(pilot, nir: str | None = None) -> None:
    await (login(pilot, nir=nir) if nir else login(pilot))
    await wait_screen(pilot, "DashboardScreen")
    await wait_for(pilot, lambda: panel(pilot.app).state == "ready")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_alert(pilot, position: int) -> None:
    """A goes to the alerts, ↓ to the one wanted, Entrée opens it."""
    await pilot.press("a")
    assert pilot.app.focused is panel(pilot.app).listing
    await pilot.press(*["down"] * position, "enter")


async def back_to_dashboard(pilot) -> None:
    await pilot.press("escape")
    await wait_screen(pilot, "DashboardScreen")
    await wait_for(pilot, lambda: panel(pilot.app).state == "ready")


def lines(app) -> list[str]:
    return [str(option.prompt) for option in panel(app).listing.options]


async def test_pierres_alerts_each_open_their_page(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        assert lines(app) == [
            "Déclaration avant le 30/11/2026 : Prime d'activité, 3e trimestre 2026",
            "Pièces demandées : Changement de situation",
            "Démarche acceptée : Complémentaire santé solidaire",
        ]
        # The page keeps its focus on the first block while the alerts arrive.
        assert app.focused is app.screen.query_one("#block-profile", DashboardBlock)

        await open_alert(pilot, 0)
        await wait_screen(pilot, "DeclarationsScreen")
        await back_to_dashboard(pilot)

        await open_alert(pilot, 2)
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: app.screen.request is not None)
        assert app.screen.request.label == "Complémentaire santé solidaire"
        assert app.screen.request.status == "acceptee"


async def test_pieces_demandees_open_the_wizard_filled_in_for_the_demarche(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        target = panel(app).listing.models[1]
        await open_alert(pilot, 1)
        await wait_screen(pilot, "SendDocumentScreen")
        await wait_for(pilot, lambda: app.screen.wizard is not None)
        wizard = app.screen.wizard
        assert wizard.object == "changement_situation"
        assert [d.nature for d in wizard.active_documents] == ["justificatif_domicile"]
        assert wizard.active_documents[0].person_id == app.me.id
        assert "Changement de situation" in wizard.active_documents[0].motif
        assert wizard.request_id == target.target_id
        assert int(wizard.step) == 4  # object and count chosen: the documents' information is next to check


async def test_a_thread_awaiting_a_reply_opens_that_thread(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot, SOPHIE)
        kinds = [alert.kind.value for alert in panel(app).listing.models]
        position = kinds.index("reply_awaited")
        awaited = panel(app).listing.models[position]
        await open_alert(pilot, position)
        await wait_screen(pilot, "ThreadScreen")
        assert app.screen.thread_id == awaited.target_id
        assert app.screen.subject == "Déclaration trimestrielle RSA"


async def test_the_dashboard_follows_a_phone_edited_elsewhere(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot)
        profile = app.screen.query_one("#block-profile", DashboardBlock)
        assert "06 12 34 56 78" in profile.text
        await pilot.press("1")
        await wait_screen(pilot, "ProfileScreen")
        await wait_for(pilot, lambda: app.screen.me is not None)
        await pilot.press("tab")
        assert app.focused.id == "phone-input"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "05 65 12 34 56")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.me.phone == "05 65 12 34 56")
        await back_to_dashboard(pilot)
        await wait_for(pilot, lambda: "05 65 12 34 56" in profile.text)
        assert "06 12 34 56 78" not in profile.text


async def test_the_dashboard_follows_a_reply_sent_elsewhere(server_app):
    """Sophie answers the thread the alert pointed to: back home, that alert is gone."""
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_dashboard(pilot, SOPHIE)
        awaited = next(a for a in panel(app).listing.models if a.kind.value == "reply_awaited")
        await app.client.reply(awaited.target_id, "Mon contrat finit le 31 janvier.")
        await pilot.press("2")
        await wait_screen(pilot, "MessagesScreen")
        await back_to_dashboard(pilot)
        await wait_for(pilot, lambda: all(a.kind.value != "reply_awaited" for a in panel(app).listing.models))
        messages = app.screen.query_one("#block-messages", DashboardBlock)
        assert "attend votre réponse" not in messages.text
