"""« Nous envoyer un message »: list of exchanges, reading marks read, replies, new thread, network loss."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea

from tests.support.navigation import go_to
from tests.support.doubles import flaky_app, shown
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen


def thread_lines(app) -> list[str]:
    listing = app.screen.query_one("#threads", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def open_messages(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "messages")
    await wait_screen(pilot, "MessagesScreen")
    await wait_for(pilot, lambda: pilot.app.screen.query_one("#threads", OptionList).option_count > 0)


async def open_new_thread(pilot) -> None:
    """The list, then N: the « Nouveau message » form, its subject focused."""
    await open_messages(pilot)
    await pilot.press("n")
    await wait_screen(pilot, "NewThreadScreen")
    await pilot.pause()


async def open_first_thread(pilot) -> None:
    """The list, then Enter on its first thread (Aide au répit, three messages)."""
    await open_messages(pilot)
    await pilot.press("enter")
    await wait_screen(pilot, "ThreadScreen")
    await wait_for(pilot, lambda: len(pilot.app.screen.query(".message")) == 3)


async def server_thread(make_client, subject: str):
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    page = await api.threads()
    summary = next(t for t in page.items if t.subject == subject)
    return api, summary


async def test_list_says_unread_and_awaiting_in_words(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_messages(pilot)
        lines = thread_lines(app)
        assert lines[0].startswith("● Aide au répit")
        assert "2 messages non lus" in lines[0]
        assert any("Remboursement" in line and "1 message non lu" in line for line in lines)
        changed = next(line for line in lines if "coordonnées bancaires" in line)
        assert "non lu" not in changed and "●" not in changed


async def test_reading_a_thread_marks_it_read(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        texts = [str(w.render()) for w in app.screen.query(".message")]
        assert texts[0].startswith("Vous — ") and texts[1].startswith("MSA — ")
        assert " 2026 à 9 h " in texts[0]
        _api, summary = await server_thread(make_client, "Aide au répit : dossier complet ?")
        assert summary.unread == 0
        await pilot.press("escape")
        await wait_screen(pilot, "MessagesScreen")
        await wait_for(pilot, lambda: "non lu" not in thread_lines(app)[0])


async def test_reply_is_stored_on_the_server(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "Merci beaucoup pour cette aide")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 4)
        assert app.screen.query_one("#reply", TextArea).text == ""
        api, summary = await server_thread(make_client, "Aide au répit : dossier complet ?")
        thread = await api.thread(summary.id)
        assert thread.messages[-1].body == "Merci beaucoup pour cette aide"
        assert thread.messages[-1].author == "member"


async def test_empty_reply_sends_nothing(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "   ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Votre message est vide" in shown(app, "#reply-error")
        api, summary = await server_thread(make_client, "Aide au répit : dossier complet ?")
        assert len((await api.thread(summary.id)).messages) == 3


async def test_reply_survives_a_network_error(server_app, make_client):
    app, transport = flaky_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_thread(pilot)
        await type_text(pilot, "Texte important")
        transport.down = True
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "pas été envoyé" in shown(app, "#reply-error"))
        assert app.screen.query_one("#reply", TextArea).text == "Texte important"
        transport.down = False
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 4)
        assert app.screen.query_one("#reply", TextArea).text == ""


async def test_new_thread_appears_in_the_list(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_thread(pilot)
        await type_text(pilot, "Question sur ma carte Vitale")
        await pilot.press("enter")  # to the topic list
        await pilot.press("enter", "down", "enter")  # open it, first topic, choose
        await pilot.press("tab")
        await type_text(pilot, "Bonjour, ma carte ne fonctionne plus.")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "ThreadScreen")
        await wait_for(pilot, lambda: len(app.screen.query(".message")) == 1)
        await pilot.press("escape")
        await wait_screen(pilot, "MessagesScreen")
        await wait_for(pilot, lambda: "Question sur ma carte Vitale" in thread_lines(app)[0])
        api, summary = await server_thread(make_client, "Question sur ma carte Vitale")
        assert summary.topic == "Santé"


async def test_new_thread_without_subject_or_text_says_why_and_sends_nothing(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_new_thread(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "objet" in app.screen.query_one("#subject-field").error
        assert "thème" in shown(app, "#topic-error")
        assert "vide" in shown(app, "#body-error")
        api = make_client()
        await api.login(DEMO_NIR, DEMO_PASSWORD)
        assert len((await api.threads()).items) == 4


async def test_list_failure_says_so_and_r_retries(server_app):
    app, transport = flaky_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        transport.down = True
        await go_to(pilot, "messages")
        await wait_screen(pilot, "MessagesScreen")
        await wait_for(pilot, lambda: app.screen.query_one("#messages-load").state == "failed")
        assert "n'ont pas pu être chargés" in app.screen.query_one("#messages-load").error
        transport.down = False
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.screen.query_one("#threads", OptionList).option_count == 4)
