"""Uploads and sends that cannot be corrupted: sent is final, keys are bound to bodies, idempotent
writes, garbage collected, quotas, files validated beyond their signature and served safely."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.server.test_submissions import PDF, create, send, upload
from tests.support.server import Api, problem

from msa_tui.mock_server.throttle import Limits


def test_an_upload_finishing_after_the_send_is_refused(pierre) -> None:
    sub = create(pierre).json()
    assert upload(pierre, sub["id"], PDF).status_code == 201
    store = pierre.client.app.state.ctx.store

    def body():
        yield PDF[:100]
        store.run("UPDATE submissions SET status = 'sent' WHERE id = ?", (sub["id"],))
        yield PDF[100:]

    r = pierre.put(f"/submissions/{sub['id']}/documents/0/files", params={"name": "late.pdf"}, content=body())
    assert r.status_code == 409 and problem(r)["code"] == "already_sent"
    assert len(pierre.get(f"/submissions/{sub['id']}").json()["documents"][0]["files"]) == 1


def test_a_send_key_is_bound_to_its_body(pierre) -> None:
    sub = create(pierre).json()
    upload(pierre, sub["id"], PDF)
    first = send(pierre, sub["id"], key="k")
    assert first.status_code == 200
    r = send(pierre, sub["id"], key="k", attestation=False)
    assert r.status_code == 422 and problem(r)["code"] == "idempotency_key_reused"
    assert send(pierre, sub["id"], key="k").json() == first.json()


def _twice(api: Api, method: str, path: str, key: str, first: dict, second: dict | None = None):
    headers = {"Idempotency-Key": key}
    a = api.request(method, path, json=first, headers=headers)
    b = api.request(method, path, json=second or first, headers=headers)
    return a, b


def test_idempotent_thread_message_and_request(pierre) -> None:
    before = len(pierre.get("/threads", params={"limit": 100}).json()["items"])
    a, b = _twice(pierre, "POST", "/threads", "t-1", {"subject": "Question", "topic": "Autre", "body": "Bonjour"})
    assert (a.status_code, b.status_code) == (201, 201) and a.json() == b.json()
    assert len(pierre.get("/threads", params={"limit": 100}).json()["items"]) == before + 1
    r = pierre.post("/threads", json={"subject": "Autre", "topic": "Autre", "body": "Bonjour"},
                    headers={"Idempotency-Key": "t-1"})
    assert r.status_code == 422 and problem(r)["code"] == "idempotency_key_reused"

    thread = a.json()["id"]
    a, b = _twice(pierre, "POST", f"/threads/{thread}/messages", "m-1", {"body": "Précision"})
    assert a.status_code == b.status_code == 201 and a.json() == b.json()
    assert len(pierre.get(f"/threads/{thread}").json()["messages"]) == 2

    count = len(pierre.get("/requests", params={"limit": 100}).json()["items"])
    body = {"type": "aide_logement",
            "answers": {"loyer_mensuel": "480,50", "date_entree": "2026-12-01", "colocation": False}}
    a, b = _twice(pierre, "POST", "/requests", "r-1", body)
    assert (a.status_code, b.status_code) == (201, 201) and a.json() == b.json()
    assert len(pierre.get("/requests", params={"limit": 100}).json()["items"]) == count + 1
    other = {**body, "answers": {**body["answers"], "colocation": True}}
    r = pierre.post("/requests", json=other, headers={"Idempotency-Key": "r-1"})
    assert r.status_code == 422 and problem(r)["code"] == "idempotency_key_reused"


def test_idempotent_upload(pierre) -> None:
    sub = create(pierre).json()
    path = f"/submissions/{sub['id']}/documents/0/files"
    headers = {"Idempotency-Key": "u-1"}
    a = pierre.put(path, params={"name": "a.pdf"}, content=PDF, headers=headers)
    b = pierre.put(path, params={"name": "a.pdf"}, content=PDF, headers=headers)
    assert (a.status_code, b.status_code) == (201, 201) and a.json() == b.json()
    assert len(pierre.get(f"/submissions/{sub['id']}").json()["documents"][0]["files"]) == 1
    c = pierre.put(path, params={"name": "a.pdf"}, content=PDF + b"%%EOF\n", headers=headers)
    assert c.status_code == 422 and problem(c)["code"] == "idempotency_key_reused"


def test_stale_parts_and_orphan_blobs_are_collected(make_app, tmp_path) -> None:
    from msa_tui.mock_server.app import create_app

    app = create_app(tmp_path / "gc", today=make_app().state.ctx.today)
    store = app.state.ctx.store
    (store.tmp_dir / "upload-dead.part").write_bytes(b"half")
    (store.blob_dir / ("0" * 64)).write_bytes(b"nobody points here")
    kept = {p.name for p in store.blob_dir.iterdir()} - {"0" * 64}
    store.close()
    again = create_app(tmp_path / "gc", today=app.state.ctx.today).state.ctx.store
    assert list(again.tmp_dir.iterdir()) == []
    assert {p.name for p in again.blob_dir.iterdir()} == kept and kept


def test_removing_a_file_drops_its_blob(pierre) -> None:
    import hashlib

    sub = create(pierre).json()
    data = PDF + b"unique"
    stored = upload(pierre, sub["id"], data).json()
    blob = pierre.client.app.state.ctx.store.blob_path(hashlib.sha256(data).hexdigest())
    assert blob.exists()
    assert pierre.delete(f"/submissions/{sub['id']}/documents/0/files/{stored['file_id']}").status_code == 204
    assert not blob.exists()


def test_quotas_on_drafts_and_bytes(make_app) -> None:
    with TestClient(make_app(limits=Limits(max_drafts=2, max_stored_bytes=3 * len(PDF)))) as client:
        api = Api(client)
        api.login()
        subs = [create(api) for _ in range(3)]
        assert [s.status_code for s in subs[:2]] == [201, 201]
        assert subs[2].status_code == 409 and problem(subs[2])["code"] == "quota_exceeded"
        assert "24 heures" in problem(subs[2])["detail"]
        sub = subs[0].json()["id"]
        statuses = [upload(api, sub, PDF + bytes([n])).status_code for n in range(4)]
        assert statuses[:2] == [201, 201] and statuses[3] == 409
        r = upload(api, sub, PDF + b"x")
        assert problem(r)["code"] == "quota_exceeded" and "octets" in problem(r)["detail"]


def test_pdfs_are_checked_beyond_their_header(pierre) -> None:
    sub = create(pierre).json()["id"]
    for ok in (b"\xef\xbb\xbf" + PDF, b"\r\n  " + PDF):
        assert upload(pierre, sub, ok).status_code == 201
    for bad in (b"%PDF-1.4\n<html><script>alert(1)</script></html>\n1 0 obj\nendobj\n%%EOF\n",
                b"%PDF-1.4\n" + b"0" * 2000,  # truncated: no object, no end marker
                b"\x89PNG\r\n\x1a\n<!DOCTYPE html><html></html>"):
        r = upload(pierre, sub, bad)
        assert r.status_code == 422 and problem(r)["code"] == "unsupported_type", bad[:20]
        assert "valide" in problem(r)["detail"]


def test_served_files_are_not_sniffed_and_named_after_their_type(pierre) -> None:
    sub = create(pierre).json()
    upload(pierre, sub["id"], PDF, name="page.html")
    reference = send(pierre, sub["id"]).json()["reference"]
    doc = next(d for d in pierre.get("/documents", params={"direction": "sent", "limit": 100}).json()["items"]
               if d["submission_reference"] == reference)
    r = pierre.get(f"/documents/{doc['id']}/content")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-type"] == "application/pdf"
    disposition = r.headers["content-disposition"]
    assert 'filename="page.pdf"' in disposition and "page.html" not in disposition


def test_images_are_decoded_not_only_sniffed(pierre) -> None:
    from tests.support.images import jpeg, png

    sub = create(pierre).json()["id"]
    for name, good, mime in (("scan.png", png(), "image/png"), ("photo.jpg", jpeg(), "image/jpeg")):
        r = upload(pierre, sub, good, name=name)
        assert r.status_code == 201 and r.json()["content_type"] == mime, name
    cut_png = png()[: len(png()) - 30]  # the end of the pixels and the IEND chunk are missing
    html_png = png()[:8] + b"\n<!-- a web page behind a PNG signature -->\n" + b"<p>" * 400
    no_eoi = jpeg()[:-2]  # every byte of the image but its end marker (FF D9)
    for name, bad in (("cut.png", cut_png), ("page.png", html_png), ("no-eoi.jpg", no_eoi)):
        r = upload(pierre, sub, bad, name=name)
        assert r.status_code == 422 and problem(r)["code"] == "unsupported_type", name
        assert "Ce fichier n'est pas une image valide" in problem(r)["detail"], name
    assert [f["name"] for f in pierre.get(f"/submissions/{sub}").json()["documents"][0]["files"]] == [
        "scan.png", "photo.jpg"]


def test_an_image_claiming_too_many_pixels_is_refused_before_decoding(pierre) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # 20000 x 20000 grey pixels: 400 million, from a PNG of a few hundred kilobytes.
    rows = zlib.compress(b"\x00" * 20001 * 64, 9)
    bomb = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
    sub = create(pierre).json()["id"]
    r = upload(pierre, sub, bomb, name="bombe.png")
    assert r.status_code == 422 and problem(r)["code"] == "unsupported_type"
    assert "millions de pixels" in problem(r)["detail"]
