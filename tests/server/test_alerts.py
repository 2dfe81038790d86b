"""Dashboard alerts computed from the data, the visit that moves the « since » line, pieces sent for a démarche."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.server.test_submissions import PDF, send, upload
from tests.support.server import ANTOINE, PIERRE, SOPHIE, Api, problem


def kinds(api: Api) -> dict[str, list[dict]]:
    body = api.get("/alerts").json()
    out: dict[str, list[dict]] = {}
    for alert in body["items"]:
        out.setdefault(alert["kind"], []).append(alert)
    return out


def test_pierre_has_a_declaration_pieces_and_a_changed_request(pierre) -> None:
    alerts = kinds(pierre)
    assert set(alerts) == {"declaration_due", "pieces_demandees", "request_updated"}
    [declaration] = alerts["declaration_due"]
    assert declaration["due_date"] == "2026-11-30"
    assert declaration["label"] == "Prime d'activité, 3e trimestre 2026"
    [pieces] = alerts["pieces_demandees"]
    assert pieces["label"] == "Changement de situation"
    assert pieces["object"] == "changement_situation" and pieces["natures"] == ["justificatif_domicile"]
    assert "justificatif de domicile" in pieces["comment"]
    [changed] = alerts["request_updated"]
    assert changed["status"] == "acceptee" and changed["label"] == "Complémentaire santé solidaire"
    # The order the dashboard shows: what is due, what is asked, what awaits a reply, what changed.
    order = [a["kind"] for a in pierre.get("/alerts").json()["items"]]
    assert order == ["declaration_due", "pieces_demandees", "request_updated"]


def test_every_kind_is_in_the_demo(app) -> None:
    seen: set[str] = set()
    for nir in (PIERRE, SOPHIE, ANTOINE):
        with TestClient(app) as client:
            api = Api(client)
            api.login(nir)
            seen |= set(kinds(api))
    assert seen == {"declaration_due", "pieces_demandees", "reply_awaited", "request_updated"}


def test_sophie_is_awaited_in_a_thread_and_the_alert_ends_with_her_reply(sophie) -> None:
    [awaited] = kinds(sophie)["reply_awaited"]
    assert awaited["label"] == "Déclaration trimestrielle RSA"
    r = sophie.post(f"/threads/{awaited['target_id']}/messages", json={"body": "Mon contrat finit le 31 janvier."},
                    headers={"Idempotency-Key": "reply-1"})
    assert r.status_code == 201, r.text
    assert "reply_awaited" not in kinds(sophie)


def test_a_visit_is_a_session(app, pierre) -> None:
    """Within a session the changes stay told; the next session starts from where this one ended."""
    assert len(kinds(pierre)["request_updated"]) == 1
    assert len(kinds(pierre)["request_updated"]) == 1  # the same visit: still told
    last = pierre.get("/alerts").json()["last_visit"]
    assert last is not None and last.startswith("2026-06-")  # the seeded previous visit
    pierre.login(PIERRE)  # a new session: the previous visit ended just now
    body = pierre.get("/alerts").json()
    assert "request_updated" not in {a["kind"] for a in body["items"]}
    assert body["last_visit"] > last
    # What is still to do is told whatever the visit.
    assert {"declaration_due", "pieces_demandees"} <= {a["kind"] for a in body["items"]}


def test_a_status_changed_after_the_last_visit_is_told(app, pierre) -> None:
    filed = pierre.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": "480", "date_entree": "2026-12-01", "colocation": False}}).json()
    pierre.get("/alerts")
    store = app.state.ctx.store
    store.run("UPDATE requests SET status = 'acceptee', updated_at = ? WHERE id = ?",
              ("2099-01-01T10:00:00+01:00", filed["id"]))
    pierre.login(PIERRE)
    changed = {a["target_id"] for a in kinds(pierre).get("request_updated", [])}
    assert changed == {filed["id"]}


def test_pieces_sent_for_the_demarche_end_its_alert(pierre) -> None:
    [pieces] = kinds(pierre)["pieces_demandees"]
    me = pierre.get("/me").json()
    sub = pierre.post("/submissions", json={
        "object": pieces["object"], "request_id": pieces["target_id"],
        "documents": [{"nature": "justificatif_domicile", "person_id": me["id"], "motif": "Pièce demandée"}]}).json()
    assert upload(pierre, sub["id"], PDF).status_code == 201
    receipt = send(pierre, sub["id"]).json()
    assert "pieces_demandees" not in kinds(pierre)
    request = pierre.get(f"/requests/{pieces['target_id']}").json()
    assert request["status"] == "en_cours"
    assert receipt["reference"] in request["timeline"][-1]["comment"]


def test_pieces_for_another_members_demarche_are_refused(pierre, sophie) -> None:
    [pieces] = kinds(pierre)["pieces_demandees"]
    me = sophie.get("/me").json()
    r = sophie.post("/submissions", json={
        "object": "autre", "request_id": pieces["target_id"],
        "documents": [{"nature": "autre", "person_id": me["id"], "motif": "Essai"}]})
    assert r.status_code == 404
    assert problem(r)["detail"] == "Cette démarche est introuvable."


def test_alerts_need_a_login(api) -> None:
    assert api.get("/alerts").status_code == 401
