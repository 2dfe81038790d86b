"""Bad input of every kind gets a French problem+json, never a 5xx."""

from __future__ import annotations

import pytest
from tests.support.server import problem

JSON = {"content-type": "application/json"}


def test_malformed_json_is_400(api) -> None:
    r = api.post("/auth/login", content=b'{"nir": "1850712345678",', headers=JSON)
    assert r.status_code == 400
    body = problem(r)
    assert body["code"] == "validation_error" and "JSON" in body["detail"]


@pytest.mark.parametrize("payload, field", [
    ({"password": "x"}, "nir"),
    ({"nir": "1850712345678"}, "password"),
    ({"nir": 1850712345678, "password": "x"}, "nir"),
    ({"nir": "12345", "password": "x"}, "nir"),
    ({"nir": "1850712345678", "password": ""}, "password"),
    ({"nir": "1850712345678", "password": "x", "extra": 1}, "extra"),
])
def test_login_field_errors_name_the_field_in_french(api, payload, field) -> None:
    r = api.post("/auth/login", json=payload)
    assert r.status_code == 422
    body = problem(r)
    assert body["code"] == "validation_error"
    assert field in [e["field"] for e in body["errors"]]
    assert all(e["message"] and not e["message"].startswith("Field") for e in body["errors"])


def test_wrong_types_and_non_object_bodies(pierre) -> None:
    for payload in ([], "texte", 12, None):
        r = pierre.post("/threads", json=payload)
        assert r.status_code == 422, payload
        assert problem(r)["code"] == "validation_error"
    r = pierre.post("/submissions/x/send", json={"attestation": "peut-être"}, headers={"Idempotency-Key": "k"})
    assert r.status_code == 422
    r = pierre.patch("/me/contact", json={"phone": "pas un numéro"})
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "phone"
    r = pierre.post("/threads", content=b"subject=x", headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 422


def test_unknown_route_and_method(api) -> None:
    r = api.get("/nulle-part")
    assert r.status_code == 404 and problem(r)["code"] == "not_found"
    r = api.request("DELETE", "/me")
    assert r.status_code == 405 and problem(r)["detail"]


def test_big_json_body_is_413(api) -> None:
    big = b'{"nir": "' + b"1" * (3 * 1024 * 1024) + b'"}'
    r = api.post("/auth/login", content=big, headers=JSON)
    assert r.status_code == 413 and problem(r)["code"] == "body_too_large"

    def chunked():
        for _ in range(40):
            yield b" " * 100_000

    r = api.post("/auth/login", content=chunked(), headers=JSON)
    assert r.status_code == 413


def test_request_form_answers_are_checked(pierre) -> None:
    r = pierre.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": "beaucoup", "date_entree": "31/12/2026", "colocation": "oui", "inconnu": 1}})
    assert r.status_code == 422
    fields = {e["field"] for e in problem(r)["errors"]}
    assert fields == {"answers.loyer_mensuel", "answers.date_entree", "answers.colocation", "answers.inconnu"}
    r = pierre.post("/requests", json={"type": "nope", "answers": {}})
    assert r.status_code == 422


def test_contact_update(pierre) -> None:
    r = pierre.patch("/me/contact", json={"phone": "06 99 88 77 66", "address": {
        "line1": "2 rue Neuve", "postal_code": "12000", "city": "Rodez"}})
    assert r.status_code == 200
    me = pierre.get("/me").json()
    assert me["phone"] == "06 99 88 77 66" and me["address"]["city"] == "Rodez"
    assert me["email"] == "pierre.martin@example.fr"


def test_an_unexpected_crash_is_a_500_problem(app) -> None:
    from fastapi.testclient import TestClient

    def boom() -> None:
        raise RuntimeError("bug")

    app.add_api_route("/api/v1/test-boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/api/v1/test-boom")
    assert r.status_code == 500
    body = problem(r)
    assert body["code"] == "internal_error" and "bug" not in body["detail"]


@pytest.mark.parametrize("method, path, body, field", [
    ("POST", "/threads", {"subject": "Bonjour", "topic": "autre", "body": "Texte", "urgent": True}, "urgent"),
    ("PATCH", "/me/contact", {"phone": "06 99 88 77 66", "fax": "05 65 00 00 00"}, "fax"),
    ("PATCH", "/me/contact", {"address": {"line1": "2 rue Neuve", "postal_code": "12000", "city": "Rodez",
                                          "country": "FR"}}, "address.country"),
    ("POST", "/submissions", {"object": "x", "documents": [{"nature": "n", "person_id": "p", "motif": "m",
                                                             "pages": 2}]}, "documents.0.pages"),
])
def test_a_request_body_with_an_unknown_field_is_422(pierre, method, path, body, field) -> None:
    r = pierre.request(method, path, json=body)
    assert r.status_code == 422
    errors = problem(r)["errors"]
    assert {"field": field, "message": "Ce champ n'est pas attendu."} in errors


def _first_declaration_to_file(pierre) -> str:
    return next(d["id"] for d in pierre.get("/declarations").json()["items"] if d["status"] == "a_faire")


@pytest.mark.parametrize("raw, message", [
    (b"1" * 400, "Ce montant est trop grand."),
    (b"1" * 400 + b".5", "Un nombre fini est attendu."),
    (b"12.345", "Deux décimales au plus sont acceptées."),
])
def test_an_unbounded_or_too_precise_amount_is_422_not_a_crash(pierre, raw, message) -> None:
    me = pierre.get("/me").json()["id"]
    body = (b'{"certified": true, "amounts": [{"person_id": "' + me.encode() + b'", "month": "2026-07", '
            b'"kind": "salaires", "amount": ' + raw + b"}]}")
    r = pierre.post(f"/declarations/{_first_declaration_to_file(pierre)}", content=body, headers=JSON)
    assert r.status_code == 422
    assert problem(r)["errors"] == [{"field": "amounts.0.amount", "message": message}]


def test_amounts_are_exact_and_json_numbers_on_the_wire(pierre) -> None:
    declaration = _first_declaration_to_file(pierre)
    me = pierre.get("/me").json()["id"]
    r = pierre.post(f"/declarations/{declaration}", json={"certified": True, "amounts": [
        {"person_id": me, "month": "2026-07", "kind": "salaires", "amount": 0.1},
        {"person_id": me, "month": "2026-08", "kind": "autres", "amount": 1234567.89}]})
    assert r.status_code == 200, r.text
    assert '"salaires":0.1' in r.text.replace(" ", "") and '"autres":1234567.89' in r.text.replace(" ", "")
    amount = pierre.get("/payments").json()["items"][0]["amount"]
    assert isinstance(amount, float | int) and not isinstance(amount, bool)
def test_dates_are_iso_and_plausible(pierre) -> None:
    for params in ({"date_to": "0001-01-15"}, {"date_from": "0"}, {"date_from": "1700000000"},
                   {"date_to": "2026-1-5"}, {"date_from": "9999-12-31"}):
        r = pierre.get("/attestations/paiement", params=params)
        assert r.status_code == 422 and problem(r)["code"] == "validation_error", params
        assert pierre.get("/payments", params=params).status_code == 422, params
    assert pierre.get("/attestations/paiement", params={"date_from": "2026-01-01"}).status_code == 200


def test_birth_date_must_be_an_iso_date(api) -> None:
    for born in (0, "0", "1992-6-3", "0001-01-01", 19920603):
        r = api.post("/auth/register", json={"nir": "1920631123456", "first_name": "Julie", "last_name": "Moreau",
                                             "birth_date": born, "email": "j@example.fr"})
        assert r.status_code == 422, born
        assert problem(r)["errors"][0]["field"] == "birth_date"


def test_huge_numbers_in_request_answers_are_422_not_500(pierre) -> None:
    for huge in (10**400, -(10**400), 10**10):
        r = pierre.post("/requests", json={"type": "aide_logement", "answers": {
            "loyer_mensuel": huge, "date_entree": "2026-12-01", "colocation": False}})
        assert r.status_code == 422, huge
        assert problem(r)["errors"][0]["field"] == "answers.loyer_mensuel"
    r = pierre.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": 480, "date_entree": "0001-12-01", "colocation": False}})
    assert r.status_code == 422 and problem(r)["errors"][0]["field"] == "answers.date_entree"


def test_problems_have_a_type_per_code_an_instance_and_french(api) -> None:
    r = api.get("/me")
    body = problem(r)
    assert body["type"] == "tag:msa-tui.example,2026:problem:unauthorized"
    assert body["instance"] == "/api/v1/me"
    assert r.headers["content-language"] == "fr"


def test_405_lists_every_method_of_the_path(api) -> None:
    r = api.delete("/threads")
    assert r.status_code == 405 and problem(r)["code"] == "method_not_allowed"
    assert r.headers["allow"] == "GET, POST"
    assert api.get("/auth/login").headers["allow"] == "POST"


def test_405_on_a_literal_path_ignores_the_templates_it_also_matches(api) -> None:
    # /appointments/slots also matches /appointments/{appointment_id} (DELETE), but is its own resource.
    r = api.request("OPTIONS", "/appointments/slots")
    assert r.status_code == 405 and r.headers["allow"] == "GET"


def test_every_code_is_documented() -> None:
    from pathlib import Path

    from msa_tui.api.errors import Code

    documented = Path(__file__).parents[2].joinpath("docs/problems.md").read_text(encoding="utf-8")
    codes = [v for k, v in vars(Code).items() if not k.startswith("_") and isinstance(v, str)]
    assert codes and all(f"`{c}`" in documented for c in codes)
