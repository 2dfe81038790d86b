"""Procuration rules: given/received in words (with elision), status words, request checks."""

from __future__ import annotations

from datetime import date

from msa_tui.api.models import Procuration
from msa_tui.core.procurations import (
    OTHER_SCOPE,
    SCOPES,
    build_scope,
    can_revoke,
    check_name,
    direction_words,
    status_label,
    summary,
)


def proc(direction: str, status: str = "active", grantor: str = "Antoine Santoni",
         grantee: str = "Pierre Martin") -> Procuration:
    return Procuration(id="p", grantor_name=grantor, grantee_name=grantee, direction=direction,
                       scope="Tout", status=status, since=date(2026, 3, 12))


def test_received_and_given_in_words_with_elision():
    assert direction_words(proc("received")) == "Reçue d'Antoine Santoni"
    assert direction_words(proc("received", grantor="Sophie Le Gall")) == "Reçue de Sophie Le Gall"
    assert direction_words(proc("given")) == "Donnée à Pierre Martin"


def test_status_and_summary():
    assert [status_label(s) for s in ("demandee", "active", "revoquee")] == ["Demandée", "Active", "Révoquée"]
    assert summary(proc("received")) == "Reçue d'Antoine Santoni · Active depuis le 12 mars 2026"
    assert summary(proc("given", "demandee")) == "Donnée à Pierre Martin · Demandée le 12 mars 2026"
    assert summary(proc("given", "revoquee")) == "Donnée à Pierre Martin · Révoquée (procuration du 12 mars 2026)"
    assert can_revoke(proc("given")) and not can_revoke(proc("given", "revoquee"))


def test_name_required_and_limited():
    assert check_name("  Jeanne   Martin ") == ("Jeanne Martin", None)
    assert check_name(" ")[1] == "Indiquez le nom et le prénom de la personne."
    assert "120" in check_name("x" * 121)[1]


def test_scope_from_list_with_optional_details():
    assert build_scope(SCOPES[0], "") == (SCOPES[0], None)
    assert build_scope(SCOPES[0], " sauf  retraite ") == (f"{SCOPES[0]} : sauf retraite", None)
    assert build_scope(None, "x")[1] == "Choisissez l'étendue de la procuration."


def test_other_scope_needs_details_and_total_is_limited():
    assert build_scope(OTHER_SCOPE, "")[1] == "Précisez l'étendue de la procuration."
    assert build_scope(OTHER_SCOPE, "Mes déclarations RSA") == ("Mes déclarations RSA", None)
    value, message = build_scope(SCOPES[1], "x" * 190)
    assert value is None and "200 caractères" in message
