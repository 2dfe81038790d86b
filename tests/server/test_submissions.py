"""The send-a-document flow: constraints, medical refusal, streamed uploads, idempotent send, receipt."""

from __future__ import annotations

import hashlib

from tests.support.images import jpeg, png
from tests.support.server import problem

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + b"0" * 2000 + b"\n%%EOF\n"
PNG = png()
JPEG = jpeg()


def create(api, natures=("avis_imposition",), person=None, obj="prestations_familiales"):
    me = api.get("/me").json()
    person = person or me["id"]
    docs = [{"nature": n, "person_id": person, "motif": "Mise à jour du dossier"} for n in natures]
    return api.post("/submissions", json={"object": obj, "documents": docs})


def upload(api, sub_id, data, name="scan.pdf", index=0):
    return api.put(f"/submissions/{sub_id}/documents/{index}/files", params={"name": name}, content=data)


def send(api, sub_id, key="key-1", attestation=True):
    headers = {"Idempotency-Key": key} if key else {}
    return api.post(f"/submissions/{sub_id}/send", json={"attestation": attestation}, headers=headers)


def test_constraints(pierre) -> None:
    c = pierre.get("/submissions/constraints").json()
    assert {"Prestations familiales", "RSA / prime d'activité", "Logement", "Retraite", "Santé",
            "Changement de situation", "Autre"} <= {o["label"] for o in c["objects"]}
    assert {"certificat_medical", "compte_rendu_medical", "arret_de_travail"} <= set(c["medical_natures"])
    assert set(c["medical_natures"]) <= {n["code"] for n in c["natures"]}
    assert c["allowed_types"] == ["application/pdf", "image/jpeg", "image/png"]
    assert (c["max_file_bytes"], c["max_files_per_document"], c["max_documents"]) == (10 * 1024 * 1024, 5, 5)


def test_medical_nature_is_refused_with_the_postal_address(pierre) -> None:
    r = create(pierre, natures=("rib", "certificat_medical"))
    assert r.status_code == 422
    body = problem(r)
    assert body["code"] == "medical_document"
    assert "180 avenue Marcel Unal, 82000 Montauban" in body["detail"]
    office = pierre.get("/me/service-medical").json()
    assert office["address"]["line1"] == "180 avenue Marcel Unal"
    assert body["service_medical"] == office


def test_person_must_be_in_the_household(pierre, sophie) -> None:
    household = pierre.get("/me").json()["household"]
    assert create(pierre, person=household[1]["id"]).status_code == 201
    stranger = sophie.get("/me").json()["id"]
    r = create(pierre, person=stranger)
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "documents.0.person_id"


def test_full_flow_receipt_and_document_listing(pierre) -> None:
    sub = create(pierre, natures=("avis_imposition", "rib")).json()
    assert sub["status"] == "draft" and [d["index"] for d in sub["documents"]] == [0, 1]
    r = upload(pierre, sub["id"], PDF, name="avis.pdf")
    assert r.status_code == 201
    stored = r.json()
    assert stored["sha256"] == hashlib.sha256(PDF).hexdigest() and stored["size"] == len(PDF)
    assert stored["content_type"] == "application/pdf"
    assert upload(pierre, sub["id"], PNG, name="page1.png", index=1).json()["content_type"] == "image/png"
    assert upload(pierre, sub["id"], JPEG, name="page2.jpg", index=1).json()["content_type"] == "image/jpeg"
    receipt = send(pierre, sub["id"]).json()
    assert receipt["reference"].startswith("MSA-") and len(receipt["reference"]) == len("MSA-2026-000123")
    assert receipt["object_label"] == "Prestations familiales"
    assert receipt["service"]["name"] == "MSA Midi-Pyrénées Nord"
    assert receipt["decision_deadline"] and receipt["silence_means"] == "rejet"
    assert "commission de recours amiable" in receipt["appeal_routes"]
    assert "pôle social du tribunal judiciaire" in receipt["appeal_routes"]
    assert [len(d["files"]) for d in receipt["documents"]] == [1, 2]
    assert pierre.get(f"/submissions/{sub['id']}/receipt").json() == receipt
    sent = pierre.get("/documents", params={"direction": "sent"}).json()["items"]
    mine = [d for d in sent if d["submission_reference"] == receipt["reference"]]
    assert len(mine) == 3
    content = pierre.get(f"/documents/{next(d['id'] for d in mine if d['title'].endswith('avis.pdf'))}/content")
    assert content.content == PDF


def test_idempotent_send_and_409_under_another_key(pierre) -> None:
    sub = create(pierre).json()
    upload(pierre, sub["id"], PDF)
    first = send(pierre, sub["id"], key="abc")
    second = send(pierre, sub["id"], key="abc")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    docs = pierre.get("/documents", params={"direction": "sent", "limit": 100}).json()["items"]
    assert sum(d["submission_reference"] == first.json()["reference"] for d in docs) == 1
    other = send(pierre, sub["id"], key="xyz")
    assert other.status_code == 409 and problem(other)["code"] == "already_sent"
    assert upload(pierre, sub["id"], PDF).status_code == 409


def test_send_preconditions(pierre) -> None:
    sub = create(pierre, natures=("rib", "bail")).json()
    r = send(pierre, sub["id"], key=None)
    assert r.status_code == 400 and problem(r)["code"] == "idempotency_key_required"
    upload(pierre, sub["id"], PDF)
    r = send(pierre, sub["id"], attestation=False)
    assert r.status_code == 422 and problem(r)["code"] == "attestation_required"
    r = send(pierre, sub["id"])
    assert r.status_code == 422 and problem(r)["code"] == "missing_files"
    assert problem(r)["errors"][0]["field"] == "documents.1.files"
    upload(pierre, sub["id"], PDF, index=1)
    assert send(pierre, sub["id"]).status_code == 200


def test_wrong_type_is_415_whatever_the_name(pierre) -> None:
    sub = create(pierre).json()
    r = upload(pierre, sub["id"], b"MZ\x90\x00 this is an executable, not a PDF", name="facture.pdf")
    assert r.status_code == 415 and problem(r)["code"] == "unsupported_type"
    assert upload(pierre, sub["id"], b"%PD", name="x.pdf").status_code == 415


def test_too_large_is_413(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    with TestClient(make_app(max_file_bytes=1000)) as client:
        api = Api(client)
        api.login()
        assert api.get("/submissions/constraints").json()["max_file_bytes"] == 1000
        sub = create(api).json()
        r = upload(api, sub["id"], PDF)
        assert r.status_code == 413 and problem(r)["code"] == "file_too_large"

        def chunks():
            yield b"%PDF-1.4\n"
            for _ in range(50):
                yield b"x" * 100

        r = api.put(f"/submissions/{sub['id']}/documents/0/files", params={"name": "a.pdf"}, content=chunks())
        assert r.status_code == 413
        assert upload(api, sub["id"], PDF[:900] + b"\n%%EOF\n").status_code == 201
        assert list(api.client.app.state.ctx.store.tmp_dir.iterdir()) == []


def test_empty_too_many_and_bad_names(pierre) -> None:
    sub = create(pierre).json()
    r = upload(pierre, sub["id"], b"")
    assert r.status_code == 422 and problem(r)["code"] == "empty_file"
    r = upload(pierre, sub["id"], PDF, name="bad\x07name.pdf")
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "name"
    assert upload(pierre, sub["id"], PDF, name="../../etc/passwd.pdf").json()["name"] == "passwd.pdf"
    for _ in range(4):
        assert upload(pierre, sub["id"], PDF).status_code == 201
    r = upload(pierre, sub["id"], PDF)
    assert r.status_code == 422 and problem(r)["code"] == "too_many_files"
    assert upload(pierre, sub["id"], PDF, index=7).status_code == 404


def test_remove_file(pierre) -> None:
    sub = create(pierre).json()
    file_id = upload(pierre, sub["id"], PDF).json()["file_id"]
    assert pierre.delete(f"/submissions/{sub['id']}/documents/0/files/{file_id}").status_code == 204
    assert pierre.get(f"/submissions/{sub['id']}").json()["documents"][0]["files"] == []
    assert pierre.delete(f"/submissions/{sub['id']}/documents/0/files/{file_id}").status_code == 404


def test_change_of_situation_is_accepted_by_silence(pierre) -> None:
    sub = create(pierre, obj="changement_situation").json()
    upload(pierre, sub["id"], PDF)
    receipt = send(pierre, sub["id"]).json()
    assert receipt["silence_means"] == "acceptation"
    other = create(pierre, obj="autre").json()
    upload(pierre, other["id"], PDF)
    assert send(pierre, other["id"]).json()["decision_deadline"] is None
