"""The seed is a pure function of the month: two data dirs of the same month hold the same rows."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from tests.support.server import Api


def test_same_month_same_data(make_app) -> None:
    first = make_app(today=date(2026, 11, 1)).state.ctx.store.dump()
    second = make_app(today=date(2026, 11, 30)).state.ctx.store.dump()
    assert first == second
    assert len(first["payments"]) > 200


def test_another_month_shifts_the_history(make_app) -> None:
    nov = make_app(today=date(2026, 11, 15)).state.ctx.store.dump()
    dec = make_app(today=date(2026, 12, 15)).state.ctx.store.dump()
    assert nov["payments"] != dec["payments"]
    assert max(p["date"] for p in dec["payments"]) > max(p["date"] for p in nov["payments"])


def test_reopening_a_data_dir_keeps_changes(tmp_path) -> None:
    from msa_tui.mock_server.app import create_app

    with TestClient(create_app(tmp_path / "d", today=date(2026, 11, 15))) as client:
        api = Api(client)
        api.login()
        api.post("/threads", json={"subject": "Persistant", "topic": "Autre", "body": "Bonjour"})
    with TestClient(create_app(tmp_path / "d", today=date(2027, 1, 15))) as client:
        api = Api(client)
        api.login()
        assert api.get("/threads").json()["items"][0]["subject"] == "Persistant"
