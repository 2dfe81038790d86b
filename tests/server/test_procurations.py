"""Acting through a procuration: the scope checked on every route, revocation taking effect at once,
only the grantor revokes, a procuration asked for is usable only once its grantee accepts it."""

from __future__ import annotations

import pytest

from tests.server.test_submissions import PDF, create, send, upload
from tests.support.server import PIERRE, Api, problem


def received(api: Api, grantor: str = "Antoine Santoni") -> dict:
    return next(p for p in api.get("/procurations").json()["items"]
                if p["direction"] == "received" and p["grantor_name"] == grantor)


def acting(api: Api, procuration_id: str) -> Api:
    """The same client, now carrying the delegated token of `procuration_id`."""
    r = api.post(f"/procurations/{procuration_id}/act")
    assert r.status_code == 200, r.text
    delegated = Api(api.client)
    delegated.headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    return delegated


def refused(response, code: str) -> str:
    assert response.status_code == 403, response.text
    body = problem(response)
    assert body["code"] == code
    return body["detail"]


def test_the_seeded_procuration_carries_its_rights(pierre) -> None:
    assert received(pierre)["rights"] == ["consulter", "echanger"]


def test_acting_serves_the_principals_space_within_the_scope(pierre) -> None:
    proxy = acting(pierre, received(pierre)["id"])
    me = proxy.get("/me").json()
    assert (me["first_name"], me["last_name"]) == ("Antoine", "Santoni")
    assert "retraite" in {p["domain"] for p in proxy.get("/payments").json()["items"]}
    assert proxy.get("/documents").status_code == 200
    assert proxy.get("/threads").status_code == 200


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/requests"),  # démarches: not given
    ("GET", "/declarations"),
    ("POST", "/appointments"),
    ("PATCH", "/me/contact"),  # never, whatever the scope
    ("GET", "/procurations"),  # a grantee does not manage the principal's procurations
    ("POST", "/procurations"),
    ("GET", "/alerts"),  # the principal's to-do list (reading it records their visit)
    ("GET", "/me/security"),  # account security stays the principal's own
    ("POST", "/me/password"),
])
def test_beyond_the_scope_is_403_in_french(pierre, method, path) -> None:
    proxy = acting(pierre, received(pierre)["id"])
    detail = refused(proxy.request(method, path, json={}), "procuration_out_of_scope")
    assert "n'entre pas dans la procuration d'Antoine Santoni" in detail
    assert "consulter ses paiements et ses documents" in detail


def test_revoked_mid_session_the_next_call_is_403(pierre, antoine) -> None:
    procuration_id = received(pierre)["id"]
    proxy = acting(pierre, procuration_id)
    assert proxy.get("/payments").status_code == 200
    assert antoine.delete(f"/procurations/{procuration_id}").json()["status"] == "revoquee"
    detail = refused(proxy.get("/payments"), "procuration_not_active")
    assert "d'Antoine Santoni n'est pas active" in detail
    refused(pierre.post(f"/procurations/{procuration_id}/act"), "procuration_not_active")
    assert proxy.post("/auth/logout").status_code == 204  # the delegated session can still end
    assert pierre.get("/payments").status_code == 200  # Pierre's own session is untouched


def test_only_the_grantor_revokes(pierre, antoine) -> None:
    procuration_id = received(pierre)["id"]
    detail = refused(pierre.delete(f"/procurations/{procuration_id}"), "procuration_wrong_party")
    assert "Seule la personne qui a donné cette procuration" in detail
    assert received(pierre)["status"] == "active"
    refused(antoine.post(f"/procurations/{procuration_id}/act"), "procuration_wrong_party")
    refused(antoine.post(f"/procurations/{procuration_id}/accept"), "procuration_wrong_party")


def test_a_stranger_does_not_see_it(pierre, sophie) -> None:
    assert sophie.delete(f"/procurations/{received(pierre)['id']}").status_code == 404


def test_pending_is_not_usable_until_accepted(pierre, sophie) -> None:
    asked = sophie.post("/procurations", json={
        "grantee_nir": PIERRE, "grantee_name": "Pierre Martin", "scope": "Effectuer mes démarches en ligne",
        "rights": ["demarches"]}).json()
    assert asked["status"] == "demandee" and asked["rights"] == ["demarches"]
    pending = received(pierre, "Sophie Le Gall")
    assert pending["status"] == "demandee"
    refused(pierre.post(f"/procurations/{pending['id']}/act"), "procuration_not_active")
    accepted = pierre.post(f"/procurations/{pending['id']}/accept").json()
    assert accepted["status"] == "active"
    proxy = acting(pierre, pending["id"])
    assert proxy.get("/requests").status_code == 200
    refused(proxy.get("/payments"), "procuration_out_of_scope")


def test_no_rights_cannot_be_acted_upon(pierre, sophie) -> None:
    asked = sophie.post("/procurations", json={
        "grantee_nir": PIERRE, "grantee_name": "Pierre Martin", "scope": "Autre : mes rendez-vous"}).json()
    assert asked["rights"] == []
    pierre.post(f"/procurations/{asked['id']}/accept")
    refused(pierre.post(f"/procurations/{asked['id']}/act"), "procuration_out_of_scope")


def test_a_delegated_session_ends_with_the_grantees_own(pierre) -> None:
    proxy = acting(pierre, received(pierre)["id"])
    assert pierre.post("/auth/logout").status_code == 204
    assert proxy.get("/payments").status_code == 401


def test_a_document_sent_for_someone_names_both_on_its_receipt(pierre) -> None:
    proxy = acting(pierre, received(pierre)["id"])
    sub = create(proxy).json()
    assert upload(proxy, sub["id"], PDF).status_code == 201
    receipt = send(proxy, sub["id"]).json()
    assert receipt["acting_by"] == {"actor_name": "Pierre Martin", "principal_name": "Antoine Santoni"}
    assert proxy.get(f"/submissions/{sub['id']}/receipt").json()["acting_by"]["actor_name"] == "Pierre Martin"
    own = create(pierre).json()
    upload(pierre, own["id"], PDF)
    assert send(pierre, own["id"], key="own").json()["acting_by"] is None


def test_a_message_written_for_someone_records_who_wrote_it(pierre, antoine) -> None:
    proxy = acting(pierre, received(pierre)["id"])
    thread = proxy.post("/threads", json={"subject": "Ma pension", "topic": "retraite",
                                          "body": "Question posée pour mon beau-père."}).json()
    assert thread["messages"][-1]["acting_by"]["principal_name"] == "Antoine Santoni"
    seen = antoine.get(f"/threads/{thread['id']}").json()["messages"][-1]
    assert seen["acting_by"]["actor_name"] == "Pierre Martin"
