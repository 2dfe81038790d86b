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
