"""Registration and password reset through the demo outbox: same answer whatever the NIR, guarded codes."""

from __future__ import annotations

import re

from tests.support.server import PASSWORD, PIERRE, problem

NEW_NIR = "1920631123456"
"""Julie Moreau: on record at the MSA (seeded), no online account yet."""
NEW_PASSWORD = "haies-de-noisetiers-42"
JULIE = {"first_name": "Julie", "last_name": "Moreau", "birth_date": "1992-06-03"}


def mails_to(api, to: str) -> list[dict]:
    return [m for m in api.get("/dev/outbox").json() if m["to"] == to]


def code_from_outbox(api, to: str) -> str:
    mails = mails_to(api, to)
    assert mails, "no mail sent"
    match = re.search(r"\b(\d{6})\b", mails[-1]["body"])
    assert match
    return match.group(1)


def register(api, nir=NEW_NIR, email="julie.moreau@example.fr", **identity):
    return api.post("/auth/register", json={"nir": nir, **JULIE, **identity, "email": email})


def verify(api, code: str, password: str = NEW_PASSWORD, nir: str = NEW_NIR):
    return api.post("/auth/register/verify", json={"nir": nir, "code": code, "password": password})


def test_register_verify_then_login(api) -> None:
    r = register(api)
    assert r.status_code == 202 and "julie.moreau@example.fr" in r.json()["detail"]
    code = code_from_outbox(api, "julie.moreau@example.fr")
    assert verify(api, code).status_code == 204
    api.login(NEW_NIR, NEW_PASSWORD)
    me = api.get("/me").json()
    assert (me["first_name"], me["last_name"], me["household"]) == ("Julie", "Moreau", [])
    # The code is single-use.
    again = verify(api, code, "une-autre-phrase-longue")
    assert again.status_code in (409, 422)


def test_identity_is_matched_without_case_or_accents(api) -> None:
    assert register(api, first_name="JULIE", last_name=" moréau").status_code == 202
    assert verify(api, code_from_outbox(api, "julie.moreau@example.fr")).status_code == 204


def test_register_answers_alike_for_every_nir(api) -> None:
    answers = [
        register(api, nir=PIERRE, email="x@example.fr"),  # has an account
        register(api, nir="1990175123456", email="x@example.fr"),  # unknown to the MSA
        register(api, email="x@example.fr", birth_date="1992-06-04"),  # on record, wrong birth date
        register(api, email="x@example.fr"),  # on record, right identity
    ]
    assert {r.status_code for r in answers} == {202}
    assert len({r.text for r in answers}) == 1
    # Only the matching identity got a code; Pierre hears of the attempt at his own address.
    assert len(mails_to(api, "x@example.fr")) == 1
    notice = mails_to(api, "pierre.martin@example.fr")[-1]
    assert not re.search(r"\b\d{6}\b", notice["body"]) and "déjà" in notice["body"]


def test_wrong_birth_date_never_attaches_a_password_nor_says_which_field(api) -> None:
    register(api, birth_date="1992-06-04", email="intrus@example.fr")
    assert mails_to(api, "intrus@example.fr") == []
    for guess in ("000000", "123456"):
        r = verify(api, guess)
        body = problem(r)
        assert r.status_code == 422 and body["code"] == "invalid_code"
        assert "naissance" not in body["detail"] and "nom" not in body["detail"]
    assert api.post("/auth/login", json={"nir": NEW_NIR, "password": NEW_PASSWORD}).status_code == 401


def test_wrong_code_is_422_invalid_code(api) -> None:
    register(api)
    good = code_from_outbox(api, "julie.moreau@example.fr")
    bad = f"{(int(good) + 1) % 10**6:06d}"
    r = verify(api, bad)
    assert r.status_code == 422 and problem(r)["code"] == "invalid_code"
    assert api.post("/auth/login", json={"nir": NEW_NIR, "password": NEW_PASSWORD}).status_code == 401


def test_codes_expire_after_15_minutes(api, fake_now) -> None:
    register(api)
    code = code_from_outbox(api, "julie.moreau@example.fr")
    fake_now.advance(minutes=15, seconds=1)
    r = verify(api, code)
    assert r.status_code == 422 and "expiré" in problem(r)["detail"]


def test_five_wrong_guesses_spend_the_code(api) -> None:
    register(api)
    good = code_from_outbox(api, "julie.moreau@example.fr")
    wrong = [f"{(int(good) + k) % 10**6:06d}" for k in range(1, 6)]
    assert [verify(api, w).status_code for w in wrong] == [422] * 5
    assert verify(api, good).status_code == 422


def test_asking_for_new_codes_buys_no_more_guesses(api, fake_now) -> None:
    statuses = []
    for _ in range(3):
        register(api)
        good = code_from_outbox(api, "julie.moreau@example.fr")
        for k in range(1, 5):
            statuses.append(verify(api, f"{(int(good) + k) % 10**6:06d}").status_code)
    # 10 wrong guesses per hour for this NIR, whatever the number of codes asked for.
    assert statuses[:10] == [422] * 10 and set(statuses[10:]) == {429}
    # Even the right code waits for the period to end.
    r = verify(api, good)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    fake_now.advance(hours=1)
    register(api)
    assert verify(api, code_from_outbox(api, "julie.moreau@example.fr")).status_code == 204


def test_new_codes_are_rate_limited_per_nir_whatever_the_nir(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    from msa_tui.mock_server.throttle import Limits

    # A generous per-address budget: what is checked here is the per-NIR one.
    with TestClient(make_app(limits=Limits(requests_per_window=100))) as client:
        api = Api(client)
        for nir in (NEW_NIR, "1990175123456"):
            statuses = [register(api, nir=nir).status_code for _ in range(6)]
            assert statuses == [202] * 5 + [429]


def test_requests_are_limited_per_address(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    from msa_tui.mock_server.throttle import Limits

    with TestClient(make_app(limits=Limits(requests_per_window=3))) as client:
        api = Api(client)
        nirs = ["1990175123451", "1990175123452", "1990175123453", "1990175123454"]
        statuses = [api.post("/auth/password-reset", json={"nir": n, "email": "a@example.fr"}).status_code
                    for n in nirs]
        assert statuses == [202, 202, 202, 429]
        r = api.post("/auth/password-reset", json={"nir": PIERRE, "email": "pierre.martin@example.fr"})
        body = problem(r)
        assert body["code"] == "too_many_requests" and "Patientez" in body["detail"]
        assert int(r.headers["retry-after"]) == body["retry_after"] > 0


def test_weak_passwords_are_refused_in_french_and_keep_the_code(api) -> None:
    register(api)
    code = code_from_outbox(api, "julie.moreau@example.fr")
    for weak, says in [
        ("court-court", "au moins 12 caractères"),
        ("motdepasse2026!", "plus courants"),
        ("azertyuiop123", "plus courants"),
        ("Moreau-jardin-bleu", "ni votre nom ni votre prénom"),
        ("julie-et-le-jardin", "ni votre nom ni votre prénom"),
        ("jardin-03/06/1992", "date de naissance"),
        ("jardin-1920631123456", "numéro de sécurité sociale"),
    ]:
        r = verify(api, code, weak)
        body = problem(r)
        assert (r.status_code, body["code"]) == (422, "weak_password"), weak
        assert says in body["errors"][0]["message"] and body["errors"][0]["field"] == "password"
    assert verify(api, code).status_code == 204


def test_password_reset_by_code(api) -> None:
    r = api.post("/auth/password-reset", json={"nir": PIERRE, "email": "pierre.martin@example.fr"})
    assert r.status_code == 202
    code = code_from_outbox(api, "pierre.martin@example.fr")
    r = api.post("/auth/password-reset/confirm", json={"nir": PIERRE, "code": code, "password": NEW_PASSWORD})
    assert r.status_code == 204
    assert api.post("/auth/login", json={"nir": PIERRE, "password": PASSWORD}).status_code == 401
    api.login(PIERRE, NEW_PASSWORD)


def test_the_demo_password_is_acceptable() -> None:
    from datetime import date

    from msa_tui.mock_server.passwords import problem_with

    assert problem_with(PASSWORD, nir=PIERRE, first_name="Pierre", last_name="Martin",
                        birth_date=date(1985, 7, 19)) is None


def test_password_reset_reveals_nothing(api) -> None:
    before = len(api.get("/dev/outbox").json())
    wrong_mail = api.post("/auth/password-reset", json={"nir": PIERRE, "email": "someone@example.fr"})
    unknown = api.post("/auth/password-reset", json={"nir": "1990175123456", "email": "someone@example.fr"})
    assert wrong_mail.status_code == unknown.status_code == 202
    assert wrong_mail.json() == unknown.json()
    assert len(api.get("/dev/outbox").json()) == before
