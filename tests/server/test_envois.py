"""« Mes envois » (GET /submissions) and the receipts it keeps; quarterly declarations filed per person and month."""

from __future__ import annotations

from tests.server.test_submissions import create, send, upload
from tests.server.test_submissions import PDF
from tests.support.server import problem


def sent_one(api, obj="changement_situation", key="k-1") -> dict:
    sub = create(api, obj=obj).json()
    assert upload(api, sub["id"], PDF).status_code == 201
    receipt = send(api, sub["id"], key=key)
    assert receipt.status_code == 200, receipt.text
    return receipt.json()


def test_sendings_are_listed_newest_first_with_their_files_and_status(pierre, fake_now) -> None:
    seeded = pierre.get("/submissions").json()["items"]
    # The seed's two sendings: a copy of the tax notice (no decision due) and a RIB for a change of
    # situation, whose two months of silence have passed: deemed accepted.
    assert [(s["reference"], s["status"]) for s in seeded] == [
        ("MSA-2026-000041", "recu"), ("MSA-2025-000213", "acceptee_implicitement")]
    assert seeded[0]["files"] == ["avis-d-imposition-copie.pdf"]
    first = sent_one(pierre, key="k-1")
    fake_now.advance(hours=1)
    second = sent_one(pierre, obj="logement", key="k-2")
    items = pierre.get("/submissions").json()["items"]
    assert [s["reference"] for s in items[:3]] == [second["reference"], first["reference"], "MSA-2026-000041"]
    assert items[0]["object_label"] == "Logement" and items[0]["files"] == ["scan.pdf"]
    assert items[0]["status"] == "recu" and items[0]["decision_deadline"] == "2027-01-16"


def test_a_draft_is_not_a_sending_and_another_members_are_not_listed(pierre, sophie) -> None:
    create(pierre)
    refs = [s["reference"] for s in pierre.get("/submissions").json()["items"]]
    assert refs == ["MSA-2026-000041", "MSA-2025-000213"]
    assert [s["reference"] for s in sophie.get("/submissions").json()["items"]] == ["MSA-2026-000077"]


def test_the_list_pages_by_cursor_without_repeating_or_skipping(pierre, fake_now) -> None:
    for n in range(3):
        sent_one(pierre, key=f"k-{n}")
        fake_now.advance(minutes=5)
    everything = [s["id"] for s in pierre.get("/submissions").json()["items"]]
    assert len(everything) == 5
    walked, cursor = [], None
    while True:
        page = pierre.get("/submissions", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        walked += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == everything
    # A cursor of another list is refused, not misread.
    other = pierre.get("/documents", params={"limit": 1}).json()["next_cursor"]
    r = pierre.get("/submissions", params={"cursor": other})
    assert r.status_code == 422 and problem(r)["code"] == "validation_error"


def test_the_receipt_names_the_sender_and_leaves_the_silence_to_its_fields(pierre) -> None:
    receipt = sent_one(pierre)
    assert receipt["sender"] == {"first_name": "Pierre", "last_name": "Martin", "nir": "1850712345678"}
    assert receipt["silence_means"] == "acceptation" and receipt["decision_deadline"]
    # The appeal text no longer repeats the implicit decision: the client says it once.
    assert "réputée" not in receipt["appeal_routes"] and "commission de recours amiable" in receipt["appeal_routes"]
    again = pierre.get(f"/submissions/{receipt['submission_id']}/receipt").json()
    assert again == receipt


# --- declarations --------------------------------------------------------------------


def _todo(api) -> dict:
    return next(d for d in api.get("/declarations").json()["items"] if d["status"] == "a_faire")


def _line(person: str, month: str = "2026-07", kind: str = "salaires", amount: float = 100.0) -> dict:
    return {"person_id": person, "month": month, "kind": kind, "amount": amount}


def test_a_declaration_offers_the_known_amounts_per_person_and_month(pierre) -> None:
    me = pierre.get("/me").json()
    spouse = next(h["id"] for h in me["household"] if h["relation"] == "conjoint")
    todo = _todo(pierre)
    assert todo["quarter"] == "2026-T3"
    assert [(a["person_id"], a["month"], a["kind"], a["amount"]) for a in todo["prefill"]] == [
        (spouse, "2026-07", "salaires", 1512.4), (spouse, "2026-08", "salaires", 1498.75),
        (spouse, "2026-09", "salaires", 1530.1)]


def test_refusals_name_each_line_and_file_nothing(pierre) -> None:
    me = pierre.get("/me").json()["id"]
    todo = _todo(pierre)
    body = {"certified": True, "amounts": [
        _line("hh-someone-else"), _line(me, month="2026-10"), _line(me), _line(me, amount=10.0)]}
    r = pierre.post(f"/declarations/{todo['id']}", json=body)
    assert r.status_code == 422 and problem(r)["code"] == "validation_error"
    assert [e["field"] for e in problem(r)["errors"]] == ["amounts.0.person_id", "amounts.1.month", "amounts.3"]
    r = pierre.post(f"/declarations/{todo['id']}", json={"certified": True, "amounts": [_line(me, amount=-1)]})
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "amounts.0.amount"
    r = pierre.post(f"/declarations/{todo['id']}", json={"certified": False, "amounts": [_line(me)]})
    assert r.status_code == 422 and problem(r)["code"] == "attestation_required"
    assert problem(r)["errors"] == [{"field": "certified", "message": "Certification obligatoire."}]
    r = pierre.post(f"/declarations/{todo['id']}", json={"amounts": [_line(me)]})
    assert r.status_code == 422  # the certification is not optional
    assert _todo(pierre)["id"] == todo["id"]
    assert len(pierre.get("/submissions").json()["items"]) == 2


def test_a_filed_declaration_gets_a_receipt_kept_in_mes_envois(pierre) -> None:
    me = pierre.get("/me").json()["id"]
    todo = _todo(pierre)
    lines = [_line(me, amount=1200.5), _line(me, month="2026-08", kind="autres", amount=30.0),
             *todo["prefill"]]
    filed = pierre.post(f"/declarations/{todo['id']}", json={"certified": True, "amounts": lines}).json()
    assert filed["status"] == "deposee" and filed["prefill"] == []
    assert filed["resources"] == {"salaires": 5741.75, "chomage": 0.0, "pensions": 0.0, "autres": 30.0}
    assert len(filed["amounts"]) == 5 and filed["reference"].startswith("MSA-2026-")
    listed = pierre.get("/submissions").json()["items"][0]
    assert listed["reference"] == filed["reference"] and listed["id"] == filed["submission_id"]
    assert listed["object_label"] == "Déclaration trimestrielle de ressources – Prime d'activité, 3e trimestre 2026"
    assert listed["files"] == [] and listed["status"] == "recu"
    receipt = pierre.get(f"/submissions/{filed['submission_id']}/receipt").json()
    assert receipt["sender"]["last_name"] == "Martin" and receipt["documents"] == []
    assert pierre.get("/declarations").json()["items"][0]["reference"] == filed["reference"]
