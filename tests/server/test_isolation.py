"""One member never reaches another's resources: always 404, never 403, never the content."""

from __future__ import annotations

from tests.support.server import problem

PDF = b"%PDF-1.4\n1 0 obj\n(hello)\nendobj\n%%EOF\n"


def test_other_members_resources_are_404(pierre, sophie) -> None:
    doc = sophie.get("/documents").json()["items"][0]["id"]
    thread = sophie.get("/threads").json()["items"][0]["id"]
    payment = sophie.get("/payments", params={"limit": 1}).json()["items"][0]["id"]
    decl = sophie.get("/declarations").json()["items"][0]["id"]
    req = sophie.get("/requests").json()["items"][0]["id"]
    me = sophie.get("/me").json()["id"]
    sub = sophie.post("/submissions", json={"object": "logement", "documents": [
        {"nature": "bail", "person_id": me, "motif": "Nouveau bail"}]}).json()["id"]
    for method, path, kw in [
        ("GET", f"/documents/{doc}", {}),
        ("GET", f"/documents/{doc}/content", {}),
        ("GET", f"/threads/{thread}", {}),
        ("POST", f"/threads/{thread}/messages", {"json": {"body": "Intrusion"}}),
        ("GET", f"/payments/{payment}", {}),
        ("GET", f"/requests/{req}", {}),
        ("POST", f"/declarations/{decl}", {"json": {"amounts": [], "certified": True}}),
        ("GET", f"/submissions/{sub}", {}),
        ("GET", f"/submissions/{sub}/receipt", {}),
        ("PUT", f"/submissions/{sub}/documents/0/files?name=a.pdf", {"content": PDF}),
        ("POST", f"/submissions/{sub}/send", {"json": {"attestation": True}, "headers": {"Idempotency-Key": "k"}}),
    ]:
        r = pierre.request(method, path, **kw)
        assert r.status_code == 404, (method, path, r.status_code)
        assert problem(r)["code"] == "not_found"
    # Nothing was changed on Sophie's side.
    assert sophie.get(f"/submissions/{sub}").json()["documents"][0]["files"] == []
    assert all(m["body"] != "Intrusion" for m in sophie.get(f"/threads/{thread}").json()["messages"])


def test_lists_only_show_ones_own_data(pierre, sophie) -> None:
    pierre_ids = {p["id"] for p in pierre.get("/payments", params={"limit": 100}).json()["items"]}
    sophie_ids = {p["id"] for p in sophie.get("/payments", params={"limit": 100}).json()["items"]}
    assert pierre_ids and sophie_ids and not pierre_ids & sophie_ids
    domains = {p["domain"] for p in sophie.get("/payments", params={"limit": 100}).json()["items"]}
    assert domains <= {"rsa", "logement", "sante"}
