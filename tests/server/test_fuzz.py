"""A home-made fuzz over every operation of the OpenAPI document: odd input never gives a 5xx."""

from __future__ import annotations

import itertools
import re

import pytest
from fastapi.testclient import TestClient
from tests.support.server import API, Api

ODD_IDS = ["x", "..", "%2e%2e%2fetc", "9" * 300, "é€💥", "0", "-1", "null"]
ODD_BODIES = [
    None, {}, [], "texte", 0, True, {"a": 1},
    {"nir": None, "password": ["x"], "body": {"x": 1}, "documents": [{}], "answers": [1], "resources": {"x": "y"}},
    {"object": "x" * 10_000, "documents": [{"nature": 1, "person_id": None, "motif": ""}] * 50},
    {"slot_id": "x", "topic": "y", "grantee_nir": "1", "grantee_name": "", "scope": "s", "attestation": "oui"},
    {"type": "css", "answers": {"foyer_personnes": 1e308, "ressources_annuelles": "NaN", "organisme": []}},
    {"resources": {"salaires": 1e308, "autres": -1}},
]
ODD_QUERIES = [{}, {"limit": "-1"}, {"limit": "1e9"}, {"cursor": "e30"}, {"date_from": "2026-02-30"},
               {"domain": "💥", "direction": "x"}, {"name": "\x00"}, {"date_to": "1900-01-01"}]


def operations(app) -> list[tuple[str, str]]:
    spec = app.openapi()
    return [(method.upper(), path) for path, ops in spec["paths"].items() for method in ops]


@pytest.fixture
def logged(app):
    with TestClient(app, raise_server_exceptions=True) as client:
        api = Api(client)
        api.login()
        yield api


def test_no_operation_answers_5xx_to_odd_input(app, logged) -> None:
    seen = 0
    for method, path in operations(app):
        for odd_id, body, query in itertools.islice(
            zip(itertools.cycle(ODD_IDS), ODD_BODIES, itertools.cycle(ODD_QUERIES)), len(ODD_BODIES)
        ):
            url = re.sub(r"\{[^}]+\}", odd_id, path)
            kw: dict = {"params": query}
            if method in ("POST", "PUT", "PATCH"):
                kw["json"] = body
                kw["headers"] = {"Idempotency-Key": "fuzz"}
            r = logged.client.request(method, url, headers={**logged.headers, **kw.pop("headers", {})}, **kw)
            seen += 1
            assert r.status_code < 500, (method, url, body, r.status_code, r.text[:300])
            if r.status_code >= 400:
                assert r.headers["content-type"].startswith("application/problem+json"), (method, url)
                assert r.json()["detail"]
    assert seen > 300 and API == "/api/v1"


def test_odd_input_on_real_ids(app, logged) -> None:
    me = logged.get("/me").json()
    sub = logged.post("/submissions", json={"object": "autre", "documents": [
        {"nature": "rib", "person_id": me["id"], "motif": "m"}]}).json()["id"]
    for body in ODD_BODIES:
        for path in (f"/submissions/{sub}/send", "/threads", "/requests", "/appointments", "/procurations"):
            r = logged.post(path, json=body, headers={"Idempotency-Key": "k"})
            assert r.status_code < 500, (path, body, r.text[:300])
        r = logged.put(f"/submissions/{sub}/documents/0/files", params={"name": "x.pdf"},
                       content=b"%PDF-" if body is None else str(body).encode())
        assert r.status_code < 500


def test_non_finite_numbers_are_refused(logged) -> None:
    decl = next(d for d in logged.get("/declarations").json()["items"] if d["status"] == "a_faire")
    line = b'{"certified": true, "amounts": [{"person_id": "x", "month": "2026-07", "kind": "salaires", "amount": '
    for raw in (line + b"NaN}]}", line + b"Infinity}]}"):
        r = logged.post(f"/declarations/{decl['id']}", content=raw, headers={"content-type": "application/json"})
        assert r.status_code in (400, 422), r.text
    raw = (b'{"type": "aide_logement", '
           b'"answers": {"loyer_mensuel": NaN, "date_entree": "2026-01-01", "colocation": false}}')
    r = logged.post("/requests", content=raw, headers={"content-type": "application/json"})
    assert r.status_code in (400, 422), r.text
