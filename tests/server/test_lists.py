"""Paging, filters and ordering of lists; attestations as PDFs; the seed's shape."""

from __future__ import annotations

from datetime import date

from tests.support.server import ANTOINE, SOPHIE, problem


def all_pages(api, path, **params):
    items, cursor, pages = [], None, 0
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = api.get(path, params=query).json()
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages


def test_payments_paging_is_complete_and_newest_first(pierre) -> None:
    everything = pierre.get("/payments", params={"limit": 100}).json()
    paged, pages = all_pages(pierre, "/payments", limit=7)
    assert pages > 3
    whole, _ = all_pages(pierre, "/payments", limit=100)
    assert [p["id"] for p in paged] == [p["id"] for p in whole]
    assert len({p["id"] for p in paged}) == len(paged)
    dates = [p["date"] for p in paged]
    assert dates == sorted(dates, reverse=True)
    assert len(everything["items"]) == 100 and everything["next_cursor"]
    assert pierre.get("/payments").json()["items"].__len__() == 50


def test_pierre_has_36_months_in_his_domains(pierre) -> None:
    items, _ = all_pages(pierre, "/payments", limit=100)
    months = {p["date"][:7] for p in items}
    assert len(months) == 36 and max(months) == "2026-10" and min(months) == "2023-11"
    assert {p["domain"] for p in items} == {"sante", "famille", "action_sanitaire_sociale", "prime_activite"}
    assert any(p["label"].startswith("Remboursement consultation Dr") for p in items)
    assert all(p["amount"] > 0 for p in items)


def test_payment_filters(pierre) -> None:
    items, _ = all_pages(pierre, "/payments", domain="famille", date_from="2026-01-01", date_to="2026-06-30")
    assert items and all(p["domain"] == "famille" and "2026-01-01" <= p["date"] <= "2026-06-30" for p in items)
    one = pierre.get(f"/payments/{items[0]['id']}").json()
    assert one == items[0]
    r = pierre.get("/payments", params={"date_from": "2026-06-01", "date_to": "2026-01-01"})
    assert r.status_code == 422


def test_bad_paging_parameters(pierre) -> None:
    for params in ({"limit": 0}, {"limit": 101}, {"limit": "x"}, {"cursor": "!!!"}, {"cursor": "eyJvIjogLTF9"}):
        r = pierre.get("/payments", params=params)
        assert r.status_code == 422, params
        assert problem(r)["code"] == "validation_error"


def test_threads_documents_and_read_marks(pierre) -> None:
    threads = pierre.get("/threads").json()["items"]
    assert len(threads) >= 3 and any(t["unread"] for t in threads)
    unread = next(t for t in threads if t["unread"])
    thread = pierre.get(f"/threads/{unread['id']}").json()
    assert thread["messages"]
    assert next(t for t in pierre.get("/threads").json()["items"] if t["id"] == unread["id"])["unread"] == 0
    docs = pierre.get("/documents").json()["items"]
    assert {d["direction"] for d in docs} == {"sent", "received"}
    content = pierre.get(f"/documents/{docs[0]['id']}/content")
    assert content.status_code == 200 and content.content.startswith(b"%PDF")
    assert len(content.content) == docs[0]["size"]


def test_sophie_has_a_thread_awaiting_her_reply(sophie) -> None:
    threads = sophie.get("/threads").json()["items"]
    waiting = [t for t in threads if t["awaiting_reply"]]
    assert len(waiting) == 1
    r = sophie.post(f"/threads/{waiting[0]['id']}/messages", json={"body": "Mon contrat finit le 30 novembre."})
    assert r.status_code == 201 and r.json()["awaiting_reply"] is False
    new = sophie.post("/threads", json={"subject": "Question", "topic": "Logement", "body": "Bonjour"})
    assert new.status_code == 201 and new.json()["messages"][0]["author"] == "member"
    assert sophie.get("/threads").json()["items"][0]["id"] == new.json()["id"]


def test_attestations_are_pdfs(pierre) -> None:
    r = pierre.get("/attestations/paiement", params={"date_from": "2026-01-01", "date_to": "2026-03-31"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    for kind in ("medecin_traitant", "droits_maladie"):
        assert pierre.get(f"/attestations/{kind}").content.startswith(b"%PDF")
    r = pierre.get("/attestations/droits_rsa")
    assert r.status_code == 422 and problem(r)["code"] == "not_eligible"
    r = pierre.get("/attestations/non_paiement", params={"date_from": "2026-01-01", "date_to": "2026-03-31"})
    assert r.status_code == 422 and problem(r)["code"] == "not_eligible"
    quiet = pierre.get("/attestations/non_paiement", params={"date_from": "2020-01-01", "date_to": "2020-12-31"})
    assert quiet.status_code == 200 and quiet.content.startswith(b"%PDF")
    assert pierre.get("/attestations/unknown").status_code == 422


def test_droits_rsa_for_sophie(sophie) -> None:
    r = sophie.get("/attestations/droits_rsa")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_antoine_retraite_and_procuration_seen_by_pierre(api, pierre) -> None:
    received = pierre.get("/procurations").json()["items"]
    assert [(p["direction"], p["grantor_name"], p["status"]) for p in received] == [
        ("received", "Antoine Santoni", "active")]
    api.login(ANTOINE)
    items, _ = all_pages(api, "/payments", domain="retraite", limit=100)
    assert len(items) == 72
    given = api.get("/procurations").json()["items"]
    assert given[0]["direction"] == "given" and given[0]["grantee_name"] == "Pierre Martin"
    assert api.get("/quotient-familial").status_code == 422


def test_household_shapes(pierre, sophie) -> None:
    relations = sorted(h["relation"] for h in pierre.get("/me").json()["household"])
    assert relations == ["conjoint", "enfant", "enfant"]
    assert [h["relation"] for h in sophie.get("/me").json()["household"]] == ["enfant"]
    assert sophie.get("/me").json()["caisse"] == "MSA d'Armorique"
    assert SOPHIE == sophie.get("/me").json()["nir"]


def test_today_defaults_to_the_clock(make_app) -> None:
    from msa_tui.core import clock

    clock.freeze(date(2027, 2, 3))
    try:
        app = make_app(today=None)
    finally:
        clock.freeze(None)
    assert app.state.ctx.today == date(2027, 2, 3)
    assert app.state.ctx.store.get_meta("seeded_for") == "2027-02"


def test_server_pdfs_embed_a_unicode_font_and_speak_french(pierre) -> None:
    import io
    import re

    import pypdf

    r = pierre.get("/attestations/paiement", params={"date_from": "2026-01-01", "date_to": "2026-10-31"})
    reader = pypdf.PdfReader(io.BytesIO(r.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert re.search(r"\d,\d\d €", text), text[:500]
    assert "EUR" not in text
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.metadata.title and reader.metadata.author == "MSA"
    fonts = {str(f["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("SourceSans" in f for f in fonts), fonts
