"""« Demander un rendez-vous »: booking by keys, topic refused in French, cancelling, a slot taken meanwhile."""

from __future__ import annotations

import re
from datetime import date

from textual.widgets import Input, OptionList

from msa_tui.api import models as m
from tests.support.navigation import go_to
from tests.support.doubles import flaky_app, shown
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen


def listed(app, selector: str) -> list[str]:
    options = app.screen.query_one(selector, OptionList).options
    return [str(o.prompt) for o in options]


async def open_booking(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "appointments")
    await wait_screen(pilot, "AppointmentsScreen")
    await wait_for(pilot, lambda: pilot.app.screen.has_class("-empty"))
    await pilot.press("p")
    await wait_screen(pilot, "BookingScreen")
    await wait_for(pilot, lambda: pilot.app.screen.query_one("#slots", OptionList).option_count > 0)


async def test_book_by_keys_stores_it_and_lists_it(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        assert listed(app, "#slots")[0] == "Lundi 16 novembre 2026"
        await pilot.press("m")  # agence → only agency slots
        assert "en agence" in shown(app, "#booking-mode")
        assert all("Téléphone" not in line and "Visio" not in line for line in listed(app, "#slots"))
        await pilot.press("down", "enter")
        slot_id = app.screen.chosen().id
        assert "Créneau choisi : " in shown(app, "#booking-choice")
        await type_text(pilot, "Question sur ma retraite")
        await pilot.press("enter")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: len(listed(app, "#appointments")) == 1)
        line = listed(app, "#appointments")[0]
        assert re.match(r"^\w+di \d+(er)? \w+ 2026 à \d+ h( \d\d)? · Agence · ", line)
        assert "Motif : Question sur ma retraite" in line
        assert shown(app, "#appointments-result").startswith("Rendez-vous pris : ")
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    stored = (await api.appointments()).items
    assert [(a.slot.id, a.topic) for a in stored] == [(slot_id, "Question sur ma retraite")]


async def test_empty_topic_refused_in_french(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        await pilot.press("enter")
        assert app.screen.query_one("#topic-input", Input).has_focus
        await pilot.press("space", "space", "enter")
        await pilot.pause()
        assert "Indiquez le motif du rendez-vous." in shown(app, "#topic-error")
        assert type(app.screen).__name__ == "BookingScreen"
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    assert (await api.appointments()).items == []


async def test_cancel_asks_then_removes_it(server_app, make_client):
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    first = (await api.slots())[0]
    await api.book(m.AppointmentCreate(slot_id=first.id, topic="Dossier RSA"))
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "appointments")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: len(listed(app, "#appointments")) == 1)
        await pilot.press("a")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("n")  # kept
        await wait_screen(pilot, "AppointmentsScreen")
        assert len((await api.appointments()).items) == 1
        await pilot.press("a")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: app.screen.has_class("-empty"))
        assert shown(app, "#appointments-result").startswith("Rendez-vous annulé : ")
    assert (await api.appointments()).items == []


async def _another_member(api) -> None:
    """Jeanne Roux, Paris: a member on record without an online account (the server registers only
    those, names and birth date matching), registered by the outbox code."""
    nir, email, password = "2880375123456", "jeanne.roux@example.fr", "Un-mot-de-passe-2026"
    await api.register(m.RegisterRequest(nir=nir, first_name="Jeanne", last_name="Roux",
                                         birth_date=date(1988, 3, 14), email=email))
    mail = [x for x in await api.outbox() if x.to == email][-1]
    code = re.search(r"\b(\d{6})\b", mail.body).group(1)
    await api.verify_registration(nir, code, password)
    await api.login(nir, password)


async def test_slot_taken_meanwhile_says_so_keeps_topic_and_reloads(server_app, make_client):
    other = make_client()
    await _another_member(other)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        taken = app.screen.chosen()
        assert taken.id in {s.id for s in await other.slots()}
        await pilot.press("enter")
        await type_text(pilot, "Aide au logement")
        await other.book(m.AppointmentCreate(slot_id=taken.id, topic="Plus rapide", phone="06 11 22 33 44"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "vient d'être pris" in shown(app, "#booking-error"))
        assert "Votre motif est conservé" in shown(app, "#booking-error")
        assert app.screen.query_one("#topic-input", Input).value == "Aide au logement"
        await wait_for(pilot, lambda: app.screen.chosen() is not None and app.screen.chosen().id != taken.id)
        assert taken.id not in {o.id for o in app.screen.query_one("#slots", OptionList).options}
        # The next free slot books with the topic typed before.
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: len(listed(app, "#appointments")) == 1)
        assert "Motif : Aide au logement" in listed(app, "#appointments")[0]


async def test_network_down_at_booking_keeps_the_topic_then_books(server_app):
    app, transport = flaky_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Carte Vitale")
        transport.down = True
        await pilot.press("enter")
        await wait_for(pilot, lambda: "votre motif est conservé" in shown(app, "#booking-error"))
        assert app.screen.query_one("#topic-input", Input).value == "Carte Vitale"
        transport.down = False
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: len(listed(app, "#appointments")) == 1)


async def test_a_phone_appointment_says_the_number_and_takes_another(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        for _round in range(3):  # M: tous → agence → téléphone
            if "par téléphone" in shown(app, "#booking-mode"):
                break
            await pilot.press("m")
        assert app.screen.chosen().mode == "telephone"
        phone = app.screen.query_one("#phone-input", Input)
        assert app.screen.query_one("#phone-field").display and phone.value == "06 12 34 56 78"
        await pilot.press("enter")
        await type_text(pilot, "Ma retraite")
        await pilot.press("tab")
        assert phone.has_focus
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "05 65")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "10 chiffres" in app.screen.form_fields()["phone"].error)
        assert "rendez-vous n'est pas pris" in shown(app, "#booking-error")
        await type_text(pilot, " 12 34 56")
        await pilot.press("enter")
        await wait_screen(pilot, "AppointmentsScreen")
        await wait_for(pilot, lambda: len(listed(app, "#appointments")) == 1)
        assert "La MSA vous appellera au 05 65 12 34 56" in listed(app, "#appointments")[0]
        assert "La MSA vous appellera au 05 65 12 34 56" in shown(app, "#appointments-result")
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    assert (await api.me()).phone == "06 12 34 56 78"  # the profile's number is not changed


async def test_other_modes_ask_no_number(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_booking(pilot)
        await pilot.press("m")  # agence
        assert app.screen.chosen().mode == "agence"
        assert not app.screen.query_one("#phone-field").display
