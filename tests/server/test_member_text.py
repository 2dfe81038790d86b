"""What members write is refused with a French 422 when it holds control characters
(escape sequences, bidi overrides)."""

from __future__ import annotations

import pytest

from tests.support.server import ANTOINE, PIERRE, problem

ESC_TITLE = "Jean\x1b]0;pwned\x07"
CLIPBOARD = "Paul\x1b]52;c;Y3VybCB4IHwgc2g=\x1b\\"
RLO = "abc\u202edef"


def _refused(r, field: str) -> None:
    assert r.status_code == 422, r.text
    body = problem(r)
    assert body["code"] == "validation_error"
    messages = [e["message"] for e in body["errors"] if e["field"].startswith(field)]
    assert messages and "caractères de contrôle" in messages[0], body


@pytest.mark.parametrize("name", [ESC_TITLE, CLIPBOARD, RLO, "Ann\x9b2J"])
def test_registration_refuses_control_characters_in_names(api, name) -> None:
    r = api.post("/auth/register", json={"nir": "2920675123456", "first_name": name, "last_name": "Moreau",
                                         "birth_date": "1992-06-03", "email": "julie@example.org"})
    _refused(r, "first_name")


def test_procuration_fields_refuse_control_characters(pierre) -> None:
    r = pierre.post("/procurations", json={"grantee_nir": ANTOINE, "grantee_name": CLIPBOARD,
                                           "scope": "Consulter mes paiements"})
    _refused(r, "grantee_name")
    r = pierre.post("/procurations", json={"grantee_nir": ANTOINE, "grantee_name": "Antoine Santoni",
                                           "scope": "Tout\x1b[2J"})
    _refused(r, "scope")


def test_messages_refuse_control_characters_but_keep_newlines(pierre) -> None:
    r = pierre.post("/threads", json={"subject": ESC_TITLE, "topic": "Santé", "body": "Bonjour"})
    _refused(r, "subject")
    r = pierre.post("/threads", json={"subject": "Question", "topic": "Santé", "body": "Bonjour\x1b[2J"})
    _refused(r, "body")
    ok = pierre.post("/threads", json={"subject": "Question", "topic": "Santé", "body": "Bonjour,\n\tmerci."})
    assert ok.status_code == 201, ok.text
    r = pierre.post(f"/threads/{ok.json()['id']}/messages", json={"body": RLO})
    _refused(r, "body")


def test_motifs_and_request_answers_refuse_control_characters(pierre) -> None:
    me = pierre.get("/me").json()
    r = pierre.post("/submissions", json={"object": "autre", "documents": [
        {"nature": "rib", "person_id": me["id"], "motif": CLIPBOARD}]})
    _refused(r, "documents")
    r = pierre.post("/requests", json={"type": "aide_logement", "answers": {
        "loyer_mensuel": "480,50", "date_entree": "2026-12-01", "colocation": False, "x": ESC_TITLE}})
    _refused(r, "answers")
    assert PIERRE
