"""GET /payments/summary: totals per month and domain, exact in cents, read from an index."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from tests.support.server import Api

from msa_tui.mock_server.store import Store


def _store(app) -> Store:
    return app.state.ctx.store


def _member(store: Store) -> str:
    row = store.one("SELECT id FROM members WHERE first_name = 'Pierre'")
    assert row is not None
    return row["id"]


def _add(store: Store, member: str, rows: list[tuple[str, str, float]]) -> None:
    with store.tx() as conn:
        for n, (day, domain, amount) in enumerate(rows):
            conn.execute("INSERT INTO payments (id, member_id, date, amount, domain, label) VALUES (?, ?, ?, ?, ?, ?)",
                         (f"pay-sum-{n}", member, day, amount, domain, "Essai"))


def test_the_summary_adds_up_the_list_per_month_and_domain(pierre: Api) -> None:
    summary = pierre.get("/payments/summary").json()
    assert (summary["first_month"], summary["last_month"]) == ("2025-12-01", "2026-11-01")
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    page = pierre.get("/payments", params={"date_from": "2025-12-01", "date_to": "2026-11-30", "limit": 100}).json()
    assert page["next_cursor"] is None
    for p in page["items"]:
        key = (p["date"][:7] + "-01", p["domain"])
        expected[key] += Decimal(str(p["amount"]))
        counts[key] += 1
    got = {(t["month"], t["domain"]): Decimal(str(t["total"])) for t in summary["totals"]}
    assert got == dict(expected) and len(got) >= 3
    assert {(t["month"], t["domain"]): t["count"] for t in summary["totals"]} == dict(counts)
    months = [t["month"] for t in summary["totals"]]
    assert months == sorted(months)


def test_cents_add_up_exactly_and_months_are_bounded(app, pierre: Api) -> None:
    store = _store(app)
    member = _member(store)
    # 0.1 + 0.2 in binary floating point is not 0.3: the sum is made in cents.
    _add(store, member, [("2026-01-05", "logement", 0.1), ("2026-01-20", "logement", 0.2),
                         ("2026-01-31", "logement", 1234.57), ("2026-02-01", "logement", 1.0),
                         ("2025-11-30", "logement", 50.0)])
    totals = {(t["month"], t["domain"]): t for t in pierre.get("/payments/summary").json()["totals"]}
    assert totals[("2026-01-01", "logement")]["total"] == 1234.87
    assert totals[("2026-01-01", "logement")]["count"] == 3
    assert totals[("2026-02-01", "logement")]["total"] == 1.0
    assert ("2025-11-01", "logement") not in totals  # 13 months back: outside the 12
    three = pierre.get("/payments/summary", params={"months": 3}).json()
    assert three["first_month"] == "2026-09-01"
    assert all(t["month"] >= "2026-09-01" for t in three["totals"])


def test_months_out_of_range_are_422(pierre: Api) -> None:
    for months in (0, 37, "douze"):
        assert pierre.get("/payments/summary", params={"months": months}).status_code == 422


def test_the_summary_is_another_members_own(pierre: Api, sophie) -> None:
    mine = pierre.get("/payments/summary").json()["totals"]
    hers = sophie.get("/payments/summary").json()["totals"]
    assert mine != hers


def test_the_summary_reads_a_covering_index(app, pierre: Api) -> None:
    """One index range per member and period, without visiting the table: fast with 100,000 payments."""
    store = _store(app)
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    try:
        pierre.get("/payments/summary")
    finally:
        store.db.set_trace_callback(None)
    query = [s for s in statements if "GROUP BY" in s]
    assert len(query) == 1, statements
    plan = " | ".join(row["detail"] for row in store.all("EXPLAIN QUERY PLAN " + query[0]))
    assert "COVERING INDEX payments_month_totals" in plan, plan
