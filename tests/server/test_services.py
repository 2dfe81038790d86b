"""Catalogue, requests, declarations, quotient familial, appointments, procurations, assistance."""

from __future__ import annotations

from datetime import datetime

from tests.support.server import ANTOINE, PIERRE, problem


def test_catalogue_follows_the_portal(pierre) -> None:
    cats = pierre.get("/services").json()
    labels = [c["label"] for c in cats]
    assert labels[:6] == ["Santé, invalidité", "Famille, logement — changement de situation et ressources", "Enfance",
                          "Logement", "Retraite", "RSA, prime d'activité"]
    services = [s for c in cats for s in c["services"]]
    assert len(services) >= 28
    for s in services:
        if s["kind"] == "request":
            form = pierre.get(f"/requests/forms/{s['request_type']}")
            assert form.status_code == 200, s
            assert form.json()["fields"]
    assert pierre.get("/requests/forms/nope").status_code == 404


def test_requests_have_timelines_and_can_be_filed(pierre) -> None:
    items = pierre.get("/requests").json()["items"]
    assert len({r["status"] for r in items}) >= 3
    detail = pierre.get(f"/requests/{items[0]['id']}").json()
    assert detail["timeline"] and detail["timeline"][-1]["status"] == detail["status"]
    r = pierre.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": "480,50", "date_entree": "2026-12-01", "colocation": False}})
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "deposee" and body["answers"]["loyer_mensuel"] == 480.5
    assert pierre.get("/requests").json()["items"][0]["id"] == body["id"]


def test_declarations(pierre) -> None:
    items = pierre.get("/declarations").json()["items"]
    todo = [d for d in items if d["status"] == "a_faire"]
    assert todo and any(d["status"] == "deposee" for d in items)
    me = pierre.get("/me").json()["id"]
    line = {"person_id": me, "month": "2026-07", "kind": "salaires", "amount": 1520.5}
    r = pierre.post(f"/declarations/{todo[0]['id']}", json={"amounts": [line], "certified": True})
    assert r.status_code == 200 and r.json()["status"] == "deposee"
    assert r.json()["resources"]["salaires"] == 1520.5
    again = pierre.post(f"/declarations/{todo[0]['id']}", json={"amounts": [line], "certified": True})
    assert again.status_code == 409 and problem(again)["code"] == "already_filed"
    bad = pierre.post(f"/declarations/{items[-1]['id']}", json={"resources": {"loto": 5}})
    assert bad.status_code == 422


def test_quotient_familial(pierre, sophie) -> None:
    qf = pierre.get("/quotient-familial").json()
    assert qf["value"] == int(qf["reference_income"] / 12 / qf["parts"])
    assert sophie.get("/quotient-familial").status_code == 200


def test_appointments_book_and_cancel(pierre, sophie) -> None:
    slots = pierre.get("/appointments/slots").json()
    assert len(slots) > 20
    days = {s["starts_at"][:10] for s in slots}
    assert all(datetime.fromisoformat(d).weekday() < 5 for d in days)
    assert all(s["starts_at"] >= "2026-11-15" for s in slots)
    r = pierre.post("/appointments", json={"slot_id": slots[0]["id"], "topic": "Retraite anticipée"})
    assert r.status_code == 201
    appointment = r.json()
    assert slots[0]["id"] not in {s["id"] for s in pierre.get("/appointments/slots").json()}
    again = pierre.post("/appointments", json={"slot_id": slots[0]["id"], "topic": "Encore"})
    assert again.status_code == 409 and problem(again)["code"] == "slot_taken"
    # Another caisse's slot does not exist for Sophie.
    assert sophie.post("/appointments", json={"slot_id": slots[1]["id"], "topic": "x"}).status_code == 404
    assert sophie.delete(f"/appointments/{appointment['id']}").status_code == 404
    assert pierre.get("/appointments").json()["items"][0]["id"] == appointment["id"]
    assert pierre.delete(f"/appointments/{appointment['id']}").status_code == 204
    assert pierre.get("/appointments").json()["items"] == []


def test_procurations_request_and_revoke(api, pierre) -> None:
    r = pierre.post("/procurations", json={"grantee_nir": ANTOINE, "grantee_name": "Antoine Santoni",
                                           "scope": "Consulter mes paiements"})
    assert r.status_code == 201 and r.json()["status"] == "demandee" and r.json()["direction"] == "given"
    dup = pierre.post("/procurations", json={"grantee_nir": ANTOINE, "grantee_name": "A. S.", "scope": "x"})
    assert dup.status_code == 409
    self_given = pierre.post("/procurations", json={"grantee_nir": PIERRE, "grantee_name": "Moi",
                                                    "scope": "x"})
    assert self_given.status_code == 422
    revoked = pierre.delete(f"/procurations/{r.json()['id']}")
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoquee"


def test_assistance_needs_no_login_and_knows_the_hours(api, fake_now) -> None:
    from msa_tui.core.clock import PARIS

    body = api.get("/assistance").json()
    assert body["phone"] == "03 20 900 500" and body["timezone"] == "Europe/Paris"
    assert {(h["opens"], h["closes"]) for h in body["hours"]} == {("08:30", "12:15"), ("13:30", "16:30")}
    assert {h["weekday"] for h in body["hours"]} == {0, 1, 2, 3, 4}
    for moment, expected in [
        (datetime(2026, 11, 16, 10, 0), True), (datetime(2026, 11, 16, 12, 30), False),
        (datetime(2026, 11, 16, 16, 30), False), (datetime(2026, 11, 16, 8, 30), True),
        (datetime(2026, 11, 14, 10, 0), False),
    ]:
        fake_now.moment = moment.replace(tzinfo=PARIS)
        assert api.get("/assistance").json()["open_now"] is expected, moment
    assert api.get("/health").json() == {"status": "ok"}
