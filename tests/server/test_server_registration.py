"""Registration and password reset through the demo outbox."""

from __future__ import annotations

import re

from tests.support.server import PASSWORD, PIERRE, problem

NEW_NIR = "1920631123456"


def code_from_outbox(api, to: str) -> str:
    mails = [m for m in api.get("/dev/outbox").json() if m["to"] == to]
    assert mails, "no mail sent"
    match = re.search(r"\b(\d{6})\b", mails[-1]["body"])
    assert match
    return match.group(1)


def register(api, nir=NEW_NIR, email="julie.moreau@example.fr"):
    return api.post("/auth/register", json={"nir": nir, "first_name": "Julie", "last_name": "Moreau",
                                            "birth_date": "1992-06-03", "email": email})


def test_register_verify_then_login(api) -> None:
    r = register(api)
    assert r.status_code == 202 and "julie.moreau@example.fr" in r.json()["detail"]
    code = code_from_outbox(api, "julie.moreau@example.fr")
    r = api.post("/auth/register/verify", json={"nir": NEW_NIR, "code": code, "password": "un-mot-de-passe"})
    assert r.status_code == 204
    api.login(NEW_NIR, "un-mot-de-passe")
    me = api.get("/me").json()
    assert (me["first_name"], me["last_name"], me["household"]) == ("Julie", "Moreau", [])
    # The code is single-use.
    again = api.post("/auth/register/verify", json={"nir": NEW_NIR, "code": code, "password": "autre-mot-de-passe"})
    assert again.status_code in (409, 422)


def test_wrong_code_is_422_invalid_code(api) -> None:
    register(api)
    good = code_from_outbox(api, "julie.moreau@example.fr")
    bad = f"{(int(good) + 1) % 10**6:06d}"
    r = api.post("/auth/register/verify", json={"nir": NEW_NIR, "code": bad, "password": "un-mot-de-passe"})
    assert r.status_code == 422 and problem(r)["code"] == "invalid_code"
    assert api.post("/auth/login", json={"nir": NEW_NIR, "password": "un-mot-de-passe"}).status_code == 401


def test_codes_expire_after_15_minutes(api, fake_now) -> None:
    register(api)
    code = code_from_outbox(api, "julie.moreau@example.fr")
    fake_now.advance(minutes=15, seconds=1)
    r = api.post("/auth/register/verify", json={"nir": NEW_NIR, "code": code, "password": "un-mot-de-passe"})
    assert r.status_code == 422 and "expiré" in problem(r)["detail"]


def test_registering_a_nir_with_an_account_is_409(api) -> None:
    r = register(api, nir=PIERRE)
    assert r.status_code == 409 and problem(r)["code"] == "already_registered"


def test_password_reset_by_code(api) -> None:
    r = api.post("/auth/password-reset", json={"nir": PIERRE, "email": "pierre.martin@example.fr"})
    assert r.status_code == 202
    code = code_from_outbox(api, "pierre.martin@example.fr")
    r = api.post("/auth/password-reset/confirm", json={"nir": PIERRE, "code": code, "password": "nouveau-secret"})
    assert r.status_code == 204
    assert api.post("/auth/login", json={"nir": PIERRE, "password": PASSWORD}).status_code == 401
    api.login(PIERRE, "nouveau-secret")


def test_password_reset_reveals_nothing(api) -> None:
    before = len(api.get("/dev/outbox").json())
    wrong_mail = api.post("/auth/password-reset", json={"nir": PIERRE, "email": "someone@example.fr"})
    unknown = api.post("/auth/password-reset", json={"nir": "1990175123456", "email": "someone@example.fr"})
    assert wrong_mail.status_code == unknown.status_code == 202
    assert wrong_mail.json() == unknown.json()
    assert len(api.get("/dev/outbox").json()) == before
