"""Keyset paging of every list: complete, ordered, stable while rows are added, and strict about cursors."""

from __future__ import annotations

import base64
import json
import sqlite3

import pytest
from tests.support.server import PIERRE, problem

from msa_tui.mock_server.store import Store


def all_pages(api, path: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        body = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def _store(app) -> Store:
    return app.state.ctx.store


def _member_id(store: Store, nir: str = PIERRE) -> str:
    return store.one("SELECT id FROM members WHERE nir = ?", (nir,))["id"]


def _add(store: Store, table: str, rows: list[dict]) -> None:
    with store.tx() as conn:
        for row in rows:
            store.insert(conn, table, row)


def _payment(member: str, id_: str, day: str) -> dict:
    return {"id": id_, "member_id": member, "date": day, "amount": 10.0, "domain": "sante", "label": "Test",
            "beneficiary": None}


def _fill(store: Store, member: str) -> None:
    """Rows sharing their sort key, so the id tie-breaker decides, in every list."""
    _add(store, "payments", [_payment(member, f"pay-tie-{n}", "2026-03-05") for n in (3, 1, 2)])
    _add(store, "documents", [{
        "id": f"doc-tie-{n}", "member_id": member, "title": "T", "direction": "received", "date": "2026-03-05",
        "content_type": "application/pdf", "size": 1, "submission_reference": None, "sha256": "0" * 64,
        "file_name": "t.pdf"} for n in (3, 1, 2)])
    _add(store, "threads", [{"id": f"thr-tie-{n}", "member_id": member, "subject": "S", "topic": "T",
                             "updated_at": "2026-03-05T10:00:00+01:00", "awaiting_reply": 0} for n in (3, 1, 2)])
    _add(store, "requests", [{
        "id": f"req-tie-{n}", "member_id": member, "type": "css", "label": "L", "status": "deposee",
        "filed_at": "2026-03-05T10:00:00+01:00", "updated_at": "2026-03-05T10:00:00+01:00", "answers": "{}",
        "timeline": "[]"} for n in (3, 1, 2)])
    _add(store, "declarations", [{
        "id": f"decl-tie-{n}", "member_id": member, "benefit": "rsa", "quarter": "2026-T1", "status": "a_faire",
        "due_date": "2026-04-15", "filed_at": None, "resources": None} for n in (3, 1, 2)])
    _add(store, "procurations", [{
        "id": f"proc-tie-{n}", "grantor_id": member, "grantee_id": None, "grantor_name": "A", "grantee_name": "B",
        "grantee_nir": "1", "scope": "S", "status": "active", "since": "2026-03-05"} for n in (3, 1, 2)])
    caisse = store.one("SELECT caisse FROM members WHERE id = ?", (member,))["caisse"]
    _add(store, "slots", [{"id": f"slot-tie-{n}", "caisse": caisse, "starts_at": "2026-12-01T09:00:00+01:00",
                           "duration_minutes": 30, "place": "P", "mode": "agence"} for n in range(4)])
    _add(store, "appointments", [{"id": f"rdv-tie-{n}", "member_id": member, "slot_id": f"slot-tie-{n}",
                                  "topic": "T", "booked_at": "2026-11-01T10:00:00+01:00"} for n in (3, 1, 2, 0)])


def _ids_sorted(rows: list[sqlite3.Row], key: str, descending: bool) -> list[str]:
    """The expected order computed in Python: the key one way, then the id ascending."""
    by_id = sorted(rows, key=lambda r: r["id"])
    return [r["id"] for r in sorted(by_id, key=lambda r: r[key], reverse=descending)]


EXPECTED = {
    "/payments": ("SELECT id, date AS k FROM payments WHERE member_id = :m", True),
    "/documents": ("SELECT id, date AS k FROM documents WHERE member_id = :m", True),
    "/threads": ("SELECT id, updated_at AS k FROM threads WHERE member_id = :m", True),
    "/requests": ("SELECT id, updated_at AS k FROM requests WHERE member_id = :m", True),
    "/declarations": ("SELECT id, due_date AS k FROM declarations WHERE member_id = :m", True),
    "/procurations": ("SELECT id, since AS k FROM procurations WHERE grantor_id = :m OR grantee_id = :m", True),
    "/appointments": ("SELECT a.id AS id, s.starts_at AS k FROM appointments a JOIN slots s ON s.id = a.slot_id "
                      "WHERE a.member_id = :m", False),
}


@pytest.mark.parametrize("path", list(EXPECTED))
def test_walking_the_pages_gives_the_whole_list_in_order(app, pierre, path: str) -> None:
    store = _store(app)
    member = _member_id(store)
    _fill(store, member)
    sql, descending = EXPECTED[path]
    expected = _ids_sorted(store.all(sql, {"m": member}), "k", descending)
    assert len(expected) >= 4
    assert [item["id"] for item in all_pages(pierre, path, limit=2)] == expected
    assert [item["id"] for item in all_pages(pierre, path, limit=100)] == expected


def test_a_cursor_survives_rows_inserted_between_two_pages(app, pierre) -> None:
    store = _store(app)
    member = _member_id(store)
    _add(store, "payments", [_payment(member, f"pay-same-{n}", "2025-06-15") for n in range(1, 7)])
    before = [p["id"] for p in all_pages(pierre, "/payments", limit=100)]
    # Stop the first page in the middle of the six payments of one day.
    start = before.index("pay-same-1")
    first = pierre.get("/payments", params={"limit": start + 3}).json()
    assert first["items"][-1]["id"] == "pay-same-3"
    _add(store, "payments", [
        _payment(member, "pay-new-top", "2099-01-01"),       # newer than everything: before the cursor
        _payment(member, "pay-same-0", "2025-06-15"),        # same day, sorts before the cursor's row
        _payment(member, "pay-same-35", "2025-06-15"),       # same day, sorts after it
        _payment(member, "pay-new-bottom", "1999-01-01"),    # older than everything: after the cursor
    ])
    rest = all_pages(pierre, "/payments", limit=4, cursor=first["next_cursor"])
    seen = [p["id"] for p in first["items"]] + [p["id"] for p in rest]
    assert len(seen) == len(set(seen)), "no payment is sent twice"
    assert [i for i in seen if i in before] == before, "every old payment once, in order"
    assert {"pay-same-35", "pay-new-bottom"} <= set(seen)
    assert "pay-new-top" not in seen and "pay-same-0" not in seen
    assert seen[start + 3] == "pay-same-35"


def test_rows_removed_between_two_pages_do_not_break_the_cursor(app, pierre) -> None:
    store = _store(app)
    first = pierre.get("/payments", params={"limit": 5}).json()
    # The cursor's own row disappears: the next page still starts right after where it was.
    store.run("DELETE FROM payments WHERE id = ?", (first["items"][-1]["id"],))
    whole = [p["id"] for p in all_pages(pierre, "/payments", limit=100)]
    rest = [p["id"] for p in all_pages(pierre, "/payments", limit=50, cursor=first["next_cursor"])]
    assert rest == whole[4:]


def _cursor(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [
    "!!!", "e30", _cursor({"o": 50}), _cursor([1, 2]), _cursor({"l": "payments"}),
    _cursor({"l": "payments", "k": ["2026-01-01"]}), _cursor({"l": "payments", "k": [1, 2]}),
    _cursor({"l": "payments", "k": "2026-01-01"}),
    _cursor({"l": "documents", "k": ["2026-01-01", "pay-1"]}),  # another list's cursor
])
def test_bad_cursors_are_a_french_422(pierre, cursor: str) -> None:
    r = pierre.get("/payments", params={"cursor": cursor})
    assert r.status_code == 422
    body = problem(r)
    assert body["code"] == "validation_error"
    assert any(e["field"] == "cursor" and e["message"] == "Curseur de page invalide." for e in body["errors"])


def test_a_real_cursor_of_one_list_is_refused_by_another(pierre) -> None:
    cursor = pierre.get("/payments", params={"limit": 1}).json()["next_cursor"]
    assert cursor
    assert pierre.get("/payments", params={"cursor": cursor}).status_code == 200
    assert pierre.get("/documents", params={"cursor": cursor}).status_code == 422


@pytest.mark.parametrize("path, params", [
    ("/payments", {}), ("/payments", {"domain": "famille"}), ("/payments", {"date_from": "2025-01-01"}),
    ("/documents", {}), ("/documents", {"direction": "sent"}), ("/threads", {}), ("/requests", {}),
    ("/declarations", {}),
])
def test_pages_are_read_from_an_index_in_order(app, pierre, path: str, params: dict) -> None:
    """No sort of the whole history: SQLite walks an index that has the list's order (first and later pages)."""
    store = _store(app)
    cursor = pierre.get(path, params={**params, "limit": 1}).json()["next_cursor"]
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    try:
        pierre.get(path, params={**params, "limit": 1, "cursor": cursor})
    finally:
        store.db.set_trace_callback(None)
    table = path.strip("/")
    listing = [s for s in statements if s.startswith("SELECT") and f"FROM {table}" in s and "LIMIT" in s]
    assert len(listing) == 1, statements
    plan = " | ".join(row["detail"] for row in store.all("EXPLAIN QUERY PLAN " + listing[0]))
    assert "TEMP B-TREE" not in plan, plan
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
