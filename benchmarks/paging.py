"""The paging figure: a list's first page with a long history vs a short one.

The scale data set is generated here at run time in temporary data dirs (never committed): the
demo seed, then rows inserted straight into the SQLite store for Pierre Martin until he has `n`
payments, documents and message threads.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

LISTS = ("payments", "documents", "threads")


def _rows(table: str, member: str, n: int) -> tuple[str, list[tuple[Any, ...]]]:
    # Dates spread over years, several rows a day: the order's tie-breaker (id) does real work.
    def day(i: int) -> str:
        return f"{2026 - i // 3650:04d}-{1 + i // 300 % 12:02d}-{1 + i // 10 % 28:02d}"

    if table == "payments":
        return ("INSERT INTO payments (id, member_id, date, amount, domain, label, beneficiary) "
                "VALUES (?, ?, ?, 12.5, 'sante', 'Remboursement', NULL)",
                [(f"pay-scale-{i:07d}", member, day(i)) for i in range(n)])
    if table == "documents":
        return ("INSERT INTO documents (id, member_id, title, direction, date, content_type, size, "
                "submission_reference, sha256, file_name) "
                "VALUES (?, ?, 'Relevé', 'received', ?, 'application/pdf', 1, NULL, '', 'releve.pdf')",
                [(f"doc-scale-{i:07d}", member, day(i)) for i in range(n)])
    return ("INSERT INTO threads (id, member_id, subject, topic, updated_at, awaiting_reply) "
            "VALUES (?, ?, 'Question', 'Santé', ?, 0)",
            [(f"thr-scale-{i:07d}", member, day(i) + "T10:00:00+01:00") for i in range(n)])


def make_client(data_dir: Path, n: int) -> Any:
    """A TestClient on a seeded server whose first demo member has about `n` rows in each list."""
    from fastapi.testclient import TestClient

    from msa_tui.core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
    from msa_tui.mock_server.app import create_app

    app = create_app(data_dir)
    store = app.state.ctx.store
    nir = DEMO_ACCOUNTS[0].nir
    member = store.one("SELECT id FROM members WHERE nir = ?", (nir,))["id"]
    with store.tx() as conn:
        for table in LISTS:
            have = conn.execute(f"SELECT count(*) FROM {table} WHERE member_id = ?", (member,)).fetchone()[0]
            sql, rows = _rows(table, member, max(0, n - have))
            conn.executemany(sql, rows)
    client = TestClient(app).__enter__()
    token = client.post("/api/v1/auth/login", json={"nir": nir, "password": DEMO_PASSWORD}).json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def first_page_seconds(client: Any, table: str) -> float:
    start = time.perf_counter()
    response = client.get(f"/api/v1/{table}", params={"limit": 50})
    elapsed = time.perf_counter() - start
    assert response.status_code == 200 and len(response.json()["items"]) == 50, response.text[:300]
    return elapsed
