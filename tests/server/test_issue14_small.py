"""Request reference numbers, household attestations, phone appointments, assistance reopening, info addresses."""

from __future__ import annotations

from datetime import datetime

from tests.support.server import problem


def _file(api) -> dict:
    r = api.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": "480", "date_entree": "2026-12-01", "colocation": False}})
    assert r.status_code == 201, r.text
    return r.json()


def test_filed_requests_get_unique_reference_numbers(pierre, sophie) -> None:
    first, second, third = _file(pierre), _file(pierre), _file(sophie)
    references = [first["reference"], second["reference"], third["reference"]]
    assert all(ref.startswith("DEM-2026-") and len(ref) == len("DEM-2026-000000") for ref in references)
    listed = [r["reference"] for r in pierre.get("/requests").json()["items"]]
    seeded = listed + [r["reference"] for r in sophie.get("/requests").json()["items"]]
    assert len(set(seeded)) == len(seeded) and None not in seeded  # seeded ones too
    assert set(references) <= set(seeded)
    assert pierre.get(f"/requests/{first['id']}").json()["reference"] == first["reference"]


def test_the_same_key_files_once_with_one_reference(pierre) -> None:
    body = {"type": "aide_logement", "answers": {"loyer_mensuel": "480", "date_entree": "2026-12-01",
                                                 "colocation": False}}
    one = pierre.post("/requests", json=body, headers={"Idempotency-Key": "k-1"}).json()
    two = pierre.post("/requests", json=body, headers={"Idempotency-Key": "k-1"}).json()
    assert one["reference"] == two["reference"]


def _household(api, relation: str) -> dict:
    return next(p for p in api.get("/me").json()["household"] if p["relation"] == relation)


def test_droits_maladie_for_a_child_of_the_household(pierre) -> None:
    lucas = _household(pierre, "enfant")
    r = pierre.get("/attestations/droits_maladie", params={"person_id": lucas["id"]})
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert "lucas" in r.headers["content-disposition"]


def test_a_person_outside_the_household_is_not_found(pierre, sophie) -> None:
    child_of_sophie = _household(sophie, "enfant")
    for person in (child_of_sophie["id"], "hh-000000000000"):
        r = pierre.get("/attestations/droits_maladie", params={"person_id": person})
        assert r.status_code == 404
        assert problem(r)["detail"] == "Cette personne ne fait pas partie de votre foyer."


def test_only_droits_maladie_is_delivered_for_a_household_member(pierre) -> None:
    lucas = _household(pierre, "enfant")
    r = pierre.get("/attestations/paiement", params={"person_id": lucas["id"]})
    assert r.status_code == 422
    body = problem(r)
    assert body["code"] == "validation_error" and body["errors"][0]["field"] == "person_id"
    me = pierre.get("/me").json()
    assert pierre.get("/attestations/paiement", params={"person_id": me["id"]}).status_code == 200


def _slot(api, mode: str) -> dict:
    return next(s for s in api.get("/appointments/slots").json() if s["mode"] == mode)


def test_a_phone_appointment_calls_the_members_number_or_the_one_given(pierre) -> None:
    slot = _slot(pierre, "telephone")
    own = pierre.post("/appointments", json={"slot_id": slot["id"], "topic": "Retraite"}).json()
    assert own["phone"] == "06 12 34 56 78"
    other = _slot(pierre, "telephone")
    given = pierre.post("/appointments", json={"slot_id": other["id"], "topic": "Retraite",
                                               "phone": "05 65 00 11 22"}).json()
    assert given["phone"] == "05 65 00 11 22"
    assert pierre.get("/me").json()["phone"] == "06 12 34 56 78"  # for that appointment only
    agency = pierre.post("/appointments", json={"slot_id": _slot(pierre, "agence")["id"], "topic": "Retraite",
                                                "phone": "05 65 00 11 22"}).json()
    assert agency["phone"] is None
    phones = {a["id"]: a["phone"] for a in pierre.get("/appointments").json()["items"]}
    assert phones == {own["id"]: "06 12 34 56 78", given["id"]: "05 65 00 11 22", agency["id"]: None}


def test_a_phone_appointment_needs_a_number(pierre) -> None:
    pierre.patch("/me/contact", json={"phone": None})
    r = pierre.post("/appointments", json={"slot_id": _slot(pierre, "telephone")["id"], "topic": "Retraite"})
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "phone"
    r = pierre.post("/appointments", json={"slot_id": _slot(pierre, "telephone")["id"], "topic": "Retraite",
                                           "phone": "12"})
    assert r.status_code == 422


def test_assistance_says_when_it_opens_next(api, fake_now) -> None:
    from msa_tui.core.clock import PARIS

    assert api.get("/assistance").json()["next_opening"] is None  # Monday 10:00: open
    fake_now.moment = datetime(2026, 11, 16, 12, 30, tzinfo=PARIS)  # lunch break
    assert api.get("/assistance").json()["next_opening"].startswith("2026-11-16T13:30")
    fake_now.moment = datetime(2026, 11, 20, 17, 0, tzinfo=PARIS)  # Friday evening
    assert api.get("/assistance").json()["next_opening"].startswith("2026-11-23T08:30")


def test_information_services_give_their_web_address(pierre) -> None:
    services = {s["code"]: s for c in pierre.get("/services").json() for s in c["services"]}
    assert services["memo_sante_enfant"]["url"].startswith("https://www.msa.fr/")
    assert services["bien_vivre_retraite_info"]["url"].startswith("https://www.msa.fr/")
    assert services["css"]["url"] is None
