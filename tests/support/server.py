"""Helpers for the mock server tests: demo constants, a prefixed TestClient wrapper, problem checks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient

from tests.support.members import ANTOINE, PASSWORD, PIERRE, SOPHIE

__all__ = ["ANTOINE", "API", "PASSWORD", "PIERRE", "SOPHIE", "TODAY", "Api", "FakeNow", "problem"]
TODAY = date(2026, 11, 15)
API = "/api/v1"


class Api:
    """A TestClient with the /api/v1 prefix and a `login` that keeps the bearer token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.headers: dict[str, str] = {}

    def login(self, nir: str = PIERRE, password: str = PASSWORD) -> dict:
        r = self.post("/auth/login", json={"nir": nir, "password": password})
        assert r.status_code == 200, r.text
        self.headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        return r.json()

    def request(self, method: str, path: str, **kw):
        headers = {**self.headers, **kw.pop("headers", {})}
        return self.client.request(method, API + path, headers=headers, **kw)

    def get(self, path: str, **kw):
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw):
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw):
        return self.request("PUT", path, **kw)

    def patch(self, path: str, **kw):
        return self.request("PATCH", path, **kw)

    def delete(self, path: str, **kw):
        return self.request("DELETE", path, **kw)


class FakeNow:
    """A movable clock for the server context (`app.state.ctx.now`)."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)



def problem(response) -> dict:
    """The problem body, after checking it is one."""
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    body = response.json()
    assert body["status"] == response.status_code
    assert body["detail"]
    return body
