"""Account security while logged in: changing the password, the e-mailed second factor at login."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.support.server import PASSWORD, PIERRE, Api, problem

NEW_PASSWORD = "haies-de-noisetiers-42"
PIERRE_MAIL = "pierre.martin@example.fr"


def change(api: Api, current: str = PASSWORD, new: str = NEW_PASSWORD):
    return api.post("/me/password", json={"current_password": current, "new_password": new})


def two_factor(api: Api, enabled: bool, current: str = PASSWORD):
    return api.put("/me/two-factor", json={"enabled": enabled, "current_password": current})


def last_code(api: Api) -> str:
    mails = [m for m in api.get("/dev/outbox").json() if m["to"] == PIERRE_MAIL]
    assert mails and "connexion" in mails[-1]["subject"]
    match = re.search(r"\b(\d{6})\b", mails[-1]["body"])
    assert match
    return match.group(1)


def login_step(api: Api, password: str = PASSWORD):
    return api.post("/auth/login", json={"nir": PIERRE, "password": password})


def code_step(api: Api, challenge: str, code: str):
    return api.post("/auth/login/code", json={"nir": PIERRE, "challenge": challenge, "code": code})


def other(code: str, k: int) -> str:
    return f"{(int(code) + k) % 10**6:06d}"


# --- changing the password -------------------------------------------------------------------


def test_a_wrong_current_password_is_refused_on_its_field(pierre: Api) -> None:
    r = change(pierre, current="pas-le-bon-mot-de-passe")
    body = problem(r)
    assert r.status_code == 422 and body["code"] == "wrong_password"
    assert body["errors"][0]["field"] == "current_password" and "incorrect" in body["errors"][0]["message"]
    # Nothing changed: the old password still logs in.
    assert login_step(pierre).status_code == 200


def test_weak_new_passwords_are_refused_with_the_reason_in_french(pierre: Api) -> None:
    reasons = {
        "court": "au moins 12 caractères",
        "motdepasse123": "plus courants",
        "martin-des-champs-2026": "ni votre nom",
        f"x{PIERRE}abcdef": "numéro de sécurité sociale",
        PASSWORD: "différent de l'actuel",
    }
    for password, reason in reasons.items():
        r = change(pierre, new=password)
        body = problem(r)
        assert r.status_code == 422 and body["code"] == "weak_password", password
        assert body["errors"] == [{"field": "new_password", "message": body["detail"]}]
        assert reason in body["detail"], (password, body["detail"])
    assert login_step(pierre).status_code == 200


def test_a_change_revokes_the_other_sessions_and_keeps_this_one(app, pierre: Api) -> None:
    with TestClient(app) as second:
        elsewhere = Api(second)
        elsewhere.login(PIERRE)
        assert change(pierre).status_code == 204
        assert elsewhere.get("/me").status_code == 401
    assert pierre.get("/me").status_code == 200
    assert login_step(pierre).status_code == 401
    assert login_step(pierre, NEW_PASSWORD).status_code == 200
    notice = [m for m in pierre.get("/dev/outbox").json() if m["to"] == PIERRE_MAIL][-1]
    assert "modifié" in notice["subject"]


def test_wrong_current_passwords_count_toward_the_lockout(pierre: Api) -> None:
    statuses = [change(pierre, current=f"mauvais-{k}").status_code for k in range(6)]
    assert statuses == [422] * 5 + [423]
    assert login_step(pierre).status_code == 423


# --- the second factor -----------------------------------------------------------------------


def test_two_factor_needs_the_current_password_both_ways(pierre: Api) -> None:
    assert pierre.get("/me/security").json() == {"two_factor": False, "email": "p…@example.fr"}
    r = two_factor(pierre, True, current="pas-le-bon")
    assert r.status_code == 422 and problem(r)["code"] == "wrong_password"
    assert two_factor(pierre, True).json()["two_factor"] is True
    r = two_factor(pierre, False, current="pas-le-bon")
    assert r.status_code == 422 and problem(r)["code"] == "wrong_password"
    assert pierre.get("/me/security").json()["two_factor"] is True
    assert two_factor(pierre, False).json()["two_factor"] is False
    assert login_step(pierre).status_code == 200


def test_login_with_two_factor_asks_for_the_mailed_code(pierre: Api) -> None:
    two_factor(pierre, True)
    r = login_step(pierre)
    assert r.status_code == 202 and set(r.json()) == {"challenge", "detail", "expires_in"}
    assert "p…@example.fr" in r.json()["detail"] and "access_token" not in r.text
    code = last_code(pierre)
    tokens = code_step(pierre, r.json()["challenge"], code)
    assert tokens.status_code == 200
    headers = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
    assert pierre.get("/me", headers=headers).json()["nir"] == PIERRE
    # Single use.
    assert code_step(pierre, r.json()["challenge"], code).status_code == 422


def test_a_wrong_password_never_sends_a_code(pierre: Api) -> None:
    two_factor(pierre, True)
    before = len(pierre.get("/dev/outbox").json())
    assert login_step(pierre, "pas-le-bon-mot").status_code == 401
    assert len(pierre.get("/dev/outbox").json()) == before


def test_the_code_belongs_to_its_password_step(pierre: Api) -> None:
    two_factor(pierre, True)
    login_step(pierre)
    r = code_step(pierre, "un-defi-invente", last_code(pierre))
    assert r.status_code == 422 and problem(r)["code"] == "invalid_code"


def test_wrong_and_expired_login_codes(pierre: Api, fake_now) -> None:
    two_factor(pierre, True)
    challenge = login_step(pierre).json()["challenge"]
    good = last_code(pierre)
    wrong = [code_step(pierre, challenge, other(good, k)) for k in range(1, 6)]
    assert {r.status_code for r in wrong} == {422}
    assert "Code incorrect ou expiré" in problem(wrong[0])["detail"]
    # Five wrong guesses spend the code: the right one is refused now.
    assert code_step(pierre, challenge, good).status_code == 422
    challenge = login_step(pierre).json()["challenge"]
    good = last_code(pierre)
    fake_now.advance(minutes=15, seconds=1)
    assert code_step(pierre, challenge, good).status_code == 422


def test_asking_again_for_login_codes_buys_no_guesses(pierre: Api, fake_now) -> None:
    two_factor(pierre, True)
    statuses = []
    for _ in range(3):
        challenge = login_step(pierre).json()["challenge"]
        good = last_code(pierre)
        statuses += [code_step(pierre, challenge, other(good, k)).status_code for k in range(1, 5)]
    assert statuses[:10] == [422] * 10 and set(statuses[10:]) == {429}
    # New codes are limited too: 5 an hour (three asked above).
    assert [login_step(pierre).status_code for _ in range(3)] == [202, 202, 429]


def test_the_code_step_respects_the_lockout(pierre: Api) -> None:
    two_factor(pierre, True)
    challenge = login_step(pierre).json()["challenge"]
    good = last_code(pierre)
    for k in range(5):
        login_step(pierre, f"devinette-{k}")
    r = code_step(pierre, challenge, good)
    assert r.status_code == 423 and problem(r)["code"] == "account_locked"
