"""Message attachments: uploaded with the checks of the send-document files, carried by one message,
refused by type, size, nature (medical) and quota, stored once per Idempotency-Key, served safely."""

from __future__ import annotations

import hashlib

from tests.server.test_submissions import PDF
from tests.support.server import problem

from msa_tui.mock_server.throttle import Limits

HTML = b"<html><body>not a scan</body></html>"


def attach(api, data: bytes, *, name: str = "scan.pdf", nature: str = "avis_imposition", key: str | None = None):
    headers = {"Idempotency-Key": key} if key else {}
    return api.put("/attachments/files", params={"name": name, "nature": nature}, content=data, headers=headers)


def first_thread(api) -> str:
    return api.get("/threads").json()["items"][0]["id"]


def test_a_reply_carries_an_attachment_that_the_thread_then_lists(pierre) -> None:
    stored = attach(pierre, PDF)
    assert stored.status_code == 201, stored.text
    body = stored.json()
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest() and body["content_type"] == "application/pdf"
    thread = first_thread(pierre)
    r = pierre.post(f"/threads/{thread}/messages", json={"body": "Voici le document", "attachments": [body["id"]]})
    assert r.status_code == 201, r.text
    last = r.json()["messages"][-1]
    assert [a["name"] for a in last["attachments"]] == ["scan.pdf"]
    content = pierre.get(f"/attachments/{body['id']}/content")
    assert content.status_code == 200 and content.content == PDF
    assert content.headers["x-content-type-options"] == "nosniff"
    assert content.headers["content-disposition"].startswith('attachment; filename="scan.pdf"')


def test_a_new_thread_carries_attachments_too(pierre) -> None:
    ids = [attach(pierre, PDF, name=f"page{n}.pdf").json()["id"] for n in (1, 2)]
    r = pierre.post("/threads", json={"subject": "Pièces", "topic": "Autre question", "body": "Ci-joint",
                                      "attachments": ids})
    assert r.status_code == 201
    assert [a["name"] for a in r.json()["messages"][0]["attachments"]] == ["page1.pdf", "page2.pdf"]


def test_the_seeded_msa_answer_carries_a_pdf_to_save(pierre) -> None:
    threads = pierre.get("/threads", params={"limit": 100}).json()["items"]
    thread = next(t for t in threads if t["subject"].startswith("Prime d'activité"))
    messages = pierre.get(f"/threads/{thread['id']}").json()["messages"]
    attachment = messages[-1]["attachments"][0]
    assert messages[-1]["author"] == "msa" and attachment["name"] == "Notification prime d'activité.pdf"
    content = pierre.get(f"/attachments/{attachment['id']}/content")
    assert content.content.startswith(b"%PDF-") and content.headers["x-content-sha256"] == attachment["sha256"]


def test_refused_by_type_by_content_not_by_name(pierre) -> None:
    r = attach(pierre, HTML, name="scan.pdf")
    assert r.status_code == 415 and problem(r)["code"] == "unsupported_type"
    r = attach(pierre, b"MZ\x90\x00" + b"\x00" * 2000, name="photo.jpg")
    assert r.status_code == 415


def test_refused_by_size(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    with TestClient(make_app(max_file_bytes=1024)) as client:
        api = Api(client)
        api.login()
        r = attach(api, PDF)
        assert r.status_code == 413 and problem(r)["code"] == "file_too_large"


def test_a_medical_nature_is_refused_with_the_postal_address(pierre) -> None:
    r = attach(pierre, PDF, nature="certificat_medical")
    assert r.status_code == 422
    body = problem(r)
    assert body["code"] == "medical_document"
    assert "courrier postal au service médical" in body["detail"] and body["service_medical"]["address"]
    r = attach(pierre, PDF, nature="inconnue")
    assert r.status_code == 422 and problem(r)["code"] == "validation_error"


def test_a_retried_upload_with_the_same_key_stores_one_file(pierre) -> None:
    store = pierre.client.app.state.ctx.store
    a = attach(pierre, PDF, key="pj-1")
    b = attach(pierre, PDF, key="pj-1")
    assert a.status_code == b.status_code == 201 and a.json() == b.json()
    assert len(store.all("SELECT id FROM message_attachments WHERE member_id != ''"
                         " AND message_id IS NULL")) == 1
    other = attach(pierre, PDF, name="autre.pdf", key="pj-1")
    assert other.status_code == 422 and problem(other)["code"] == "idempotency_key_reused"


def test_an_attachment_is_carried_once_and_only_by_its_owner(pierre, sophie) -> None:
    pending = attach(pierre, PDF).json()["id"]
    assert sophie.get(f"/attachments/{pending}/content").status_code == 404
    theirs = sophie.post(f"/threads/{first_thread(sophie)}/messages", json={"body": "x", "attachments": [pending]})
    assert theirs.status_code == 422 and problem(theirs)["code"] == "validation_error"
    thread = first_thread(pierre)
    count = len(pierre.get(f"/threads/{thread}").json()["messages"])
    assert pierre.post(f"/threads/{thread}/messages", json={"body": "a", "attachments": [pending]}).status_code == 201
    again = pierre.post(f"/threads/{thread}/messages", json={"body": "b", "attachments": [pending]})
    assert again.status_code == 422
    assert len(pierre.get(f"/threads/{thread}").json()["messages"]) == count + 1  # the refused one left no trace
    assert pierre.delete(f"/attachments/{pending}").status_code == 409


def test_a_refused_new_thread_leaves_no_thread(pierre) -> None:
    before = len(pierre.get("/threads", params={"limit": 100}).json()["items"])
    r = pierre.post("/threads", json={"subject": "S", "topic": "Autre question", "body": "B",
                                      "attachments": ["pj-nope"]})
    assert r.status_code == 422
    assert len(pierre.get("/threads", params={"limit": 100}).json()["items"]) == before


def test_a_pending_attachment_can_be_removed_and_its_blob_goes(pierre) -> None:
    stored = attach(pierre, PDF + b"%unique").json()
    store = pierre.client.app.state.ctx.store
    assert store.blob_path(stored["sha256"]).exists()
    assert pierre.delete(f"/attachments/{stored['id']}").status_code == 204
    assert not store.blob_path(stored["sha256"]).exists()
    assert pierre.get(f"/attachments/{stored['id']}/content").status_code == 404


def test_pending_attachments_count_in_the_quota(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    with TestClient(make_app(limits=Limits(max_stored_bytes=3 * len(PDF)))) as client:
        api = Api(client)
        api.login()
        for n in range(3):
            assert attach(api, PDF, name=f"{n}.pdf").status_code == 201
        r = attach(api, PDF, name="trop.pdf")
        assert r.status_code == 409 and problem(r)["code"] == "quota_exceeded"


def test_more_attachments_than_a_document_holds_are_refused(pierre) -> None:
    ids = [attach(pierre, PDF, name=f"{n}.pdf").json()["id"] for n in range(6)]
    r = pierre.post(f"/threads/{first_thread(pierre)}/messages", json={"body": "x", "attachments": ids})
    assert r.status_code == 422
