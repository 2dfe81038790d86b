"""Login, lockout, refresh and logout against the mock server."""

from __future__ import annotations

from tests.support.server import PASSWORD, PIERRE, SOPHIE, problem


def login(api, nir=PIERRE, password=PASSWORD):
    return api.post("/auth/login", json={"nir": nir, "password": password})


def test_login_gives_a_bearer_pair_that_opens_me(api) -> None:
    r = login(api)
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    me = api.get("/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["nir"] == PIERRE and me.json()["first_name"] == "Pierre"


def test_wrong_password_is_401_invalid_credentials_in_french(api) -> None:
    r = login(api, password="nope-nope")
    assert r.status_code == 401
    body = problem(r)
    assert body["code"] == "invalid_credentials"
    assert "incorrect" in body["detail"]


def test_unknown_nir_answers_like_a_wrong_password(api) -> None:
    r = login(api, nir="1990175123456")
    assert r.status_code == 401 and problem(r)["code"] == "invalid_credentials"


def test_fifth_failure_is_401_then_423_even_with_the_right_password(api, fake_now) -> None:
    codes = [login(api, password="wrong-one").json()["code"] for _ in range(5)]
    assert codes == ["invalid_credentials"] * 5
    r = login(api)
    assert r.status_code == 423
    body = problem(r)
    assert body["code"] == "account_locked"
    assert 0 < body["retry_after"] <= 15 * 60
    assert r.headers["retry-after"] == str(body["retry_after"])
    # Another member is not affected.
    assert login(api, nir=SOPHIE).status_code == 200
    fake_now.advance(minutes=14)
    assert login(api).status_code == 423
    fake_now.advance(minutes=1, seconds=1)
    assert login(api).status_code == 200


def test_a_success_resets_the_failure_count(api, fake_now) -> None:
    for _ in range(4):
        assert login(api, password="wrong-one").status_code == 401
    assert login(api).status_code == 200
    for _ in range(4):
        assert login(api, password="wrong-one").status_code == 401
    assert login(api).status_code == 200


def test_no_or_bad_token_is_401_unauthorized(api) -> None:
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic abc"}):
        r = api.get("/me", headers=headers)
        assert r.status_code == 401
        assert problem(r)["code"] == "unauthorized"


def test_access_token_expires_and_refresh_rotates(api, fake_now) -> None:
    pair = login(api).json()
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}
    fake_now.advance(seconds=901)
    assert api.get("/me", headers=bearer).status_code == 401
    r = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert r.status_code == 200
    new = r.json()
    assert new["access_token"] != pair["access_token"]
    assert api.get("/me", headers={"Authorization": f"Bearer {new['access_token']}"}).status_code == 200
    # The old refresh token was spent.
    again = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert again.status_code == 401 and problem(again)["code"] == "invalid_refresh_token"


def test_logout_revokes_access_and_refresh(api) -> None:
    pair = login(api).json()
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}
    assert api.post("/auth/logout", headers=bearer).status_code == 204
    assert api.get("/me", headers=bearer).status_code == 401
    r = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert r.status_code == 401


def test_custom_access_ttl(make_app) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    with TestClient(make_app(access_ttl_s=60)) as client:
        assert Api(client).login()["expires_in"] == 60


def test_failures_count_down_and_the_locking_one_says_so(api) -> None:
    details = [problem(login(api, password="wrong-one")) for _ in range(5)]
    assert [d["attempts_left"] for d in details] == [4, 3, 2, 1, 0]
    assert "Il vous reste" not in details[0]["detail"]
    assert "Il vous reste 2 essais" in details[2]["detail"]
    assert "Il vous reste 1 essai avant" in details[3]["detail"]
    # Still 401 invalid_credentials (DESIGN.md), but the member learns of the lock now.
    assert details[4]["code"] == "invalid_credentials"
    assert "verrouillé pour 15 minutes" in details[4]["detail"]
    assert details[4]["retry_after"] == 15 * 60


# --- under attack --------------------------------------------------------------------


def test_parallel_guesses_evaluate_at_most_the_limit(make_app) -> None:
    """60 wrong passwords at once, then the right one: at most 5 were checked, and the lock holds."""
    from concurrent.futures import ThreadPoolExecutor

    from fastapi.testclient import TestClient

    from msa_tui.mock_server import security
    from msa_tui.mock_server.throttle import Limits

    app = make_app(limits=Limits(login_free_failures=1000))
    checked = []
    real_check = security.check_password

    def counting(password, stored):
        checked.append(password)
        return real_check(password, stored)

    security.check_password = counting
    try:
        with TestClient(app) as client:
            def guess(n: int):
                return client.post("/api/v1/auth/login", json={"nir": PIERRE, "password": f"guess-{n:02d}"})

            with ThreadPoolExecutor(max_workers=20) as pool:
                answers = list(pool.map(guess, range(60)))
            right = client.post("/api/v1/auth/login", json={"nir": PIERRE, "password": PASSWORD})
    finally:
        security.check_password = real_check
    codes = [r.json()["code"] for r in answers]
    assert codes.count("invalid_credentials") <= security.MAX_FAILURES
    assert set(codes) <= {"invalid_credentials", "account_locked"}
    assert len(checked) <= security.MAX_FAILURES
    assert right.status_code == 423


def test_unknown_nirs_cost_the_same_scrypt(api, monkeypatch) -> None:
    import hashlib

    from msa_tui.mock_server import security

    calls = []
    real = hashlib.scrypt
    monkeypatch.setattr(security.hashlib, "scrypt", lambda *a, **k: calls.append(1) or real(*a, **k))
    login(api, nir="1990175123456", password="whatever-you-like")
    login(api, password="whatever-you-like")
    assert len(calls) == 2


def test_no_password_is_kept_in_a_cache() -> None:
    from msa_tui.mock_server import security

    assert not hasattr(security._scrypt, "cache_info")


def test_an_address_that_keeps_failing_must_wait_longer_and_longer(make_app, fake_now) -> None:
    from fastapi.testclient import TestClient
    from tests.support.server import Api

    from msa_tui.mock_server.throttle import Limits

    app = make_app(limits=Limits(login_free_failures=3))
    app.state.ctx.now = fake_now
    with TestClient(app) as client:
        api = Api(client)
        nirs = [f"19901751234{n:02d}" for n in range(10)]  # spread over accounts: no account lock
        assert [login(api, nir=n).status_code for n in nirs[:3]] == [401] * 3
        waits = []
        for n in nirs[3:7]:
            r = login(api, nir=n)
            assert r.status_code == 429 and problem(r)["code"] == "too_many_requests"
            assert "Patientez" in problem(r)["detail"]
            waits.append(int(r.headers["retry-after"]))
            fake_now.advance(seconds=waits[-1])
            assert login(api, nir=n).status_code == 401
        assert waits == sorted(waits) and waits[-1] > waits[0]


def test_the_members_own_reset_lifts_the_lock(api) -> None:
    import re

    for _ in range(5):
        login(api, password="wrong-one")
    assert login(api).status_code == 423
    api.post("/auth/password-reset", json={"nir": PIERRE, "email": "pierre.martin@example.fr"})
    mail = [m for m in api.get("/dev/outbox").json() if m["to"] == "pierre.martin@example.fr"][-1]
    code = re.search(r"\b(\d{6})\b", mail["body"]).group(1)
    new = "ronces-et-mures-du-causse"
    assert api.post("/auth/password-reset/confirm",
                    json={"nir": PIERRE, "code": code, "password": new}).status_code == 204
    assert login(api, password=new).status_code == 200


def test_a_replayed_refresh_token_revokes_the_whole_session(api) -> None:
    pair = login(api).json()
    second = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]}).json()
    # The first refresh token comes back (stolen copy): both branches of the session die.
    replay = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert replay.status_code == 401 and problem(replay)["code"] == "invalid_refresh_token"
    assert api.post("/auth/refresh", json={"refresh_token": second["refresh_token"]}).status_code == 401
    assert api.get("/me", headers={"Authorization": f"Bearer {second['access_token']}"}).status_code == 401


def test_sessions_have_an_absolute_lifetime(api, fake_now) -> None:
    from msa_tui.mock_server.security import SESSION_MAX_S

    pair = login(api).json()
    for _ in range(SESSION_MAX_S // 800 + 1):
        fake_now.advance(seconds=800)
        r = api.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
        if r.status_code != 200:
            break
        pair = r.json()
    assert r.status_code == 401 and problem(r)["code"] == "invalid_refresh_token"
