"""Procuration rules: given/received in words (with elision), status words, request checks."""

from __future__ import annotations

from datetime import date

from msa_tui.api.models import Procuration
from msa_tui.core.procurations import (
    OTHER_SCOPE,
    SCOPES,
    act_refusal,
    acting_words,
    build_scope,
    can_revoke,
    check_name,
    direction_words,
    revoke_refusal,
    rights_for,
    rights_words,
    start_acting,
    status_label,
    summary,
    to_accept,
)


def proc(direction: str, status: str = "active", grantor: str = "Antoine Santoni",
         grantee: str = "Pierre Martin", rights: tuple[str, ...] | list[str] = ()) -> Procuration:
    return Procuration(id="p", grantor_name=grantor, grantee_name=grantee, direction=direction,
                       scope="Tout", status=status, since=date(2026, 3, 12), rights=list(rights))


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
    assert not can_revoke(proc("received"))  # only the grantor revokes
    assert revoke_refusal(proc("received")) == "Seule la personne qui vous a donné cette procuration peut la révoquer."


def test_a_received_procuration_asked_for_is_to_accept():
    pending = proc("received", "demandee", grantor="Sophie Le Gall")
    assert to_accept(pending) and not to_accept(proc("given", "demandee"))
    assert summary(pending) == "Reçue de Sophie Le Gall · À accepter (demandée le 12 mars 2026)"
    assert act_refusal(pending) == "Acceptez d'abord cette procuration (touche A)."


def test_acting_needs_an_active_received_procuration_with_rights():
    active = proc("received", rights=["consulter", "echanger"])
    assert act_refusal(active) is None
    assert "révoquée" in (act_refusal(proc("received", "revoquee", rights=["consulter"])) or "")
    assert act_refusal(proc("received")) == "Cette procuration ne permet aucune démarche en ligne."
    assert act_refusal(proc("given", rights=["consulter"])).startswith("Vous avez donné cette procuration")
    assert rights_words(active.rights) == "consulter ses paiements et ses documents, échanger avec la MSA en son nom"


def test_each_scope_choice_sends_its_rights():
    assert rights_for(SCOPES[0]) == ["consulter"]
    assert rights_for(SCOPES[3]) == ["consulter", "echanger", "demarches"]
    assert rights_for(OTHER_SCOPE) == [] and rights_for(None) == []


def test_pages_open_while_acting_only_within_the_rights():
    acting = start_acting(proc("received", rights=["consulter", "echanger"]), own=None)  # type: ignore[arg-type]
    assert acting.principal_name == "Antoine Santoni"
    assert acting.allows_page("payments") and acting.allows_page("send_document") and acting.allows_page("dashboard")
    assert not acting.allows_page("requests") and not acting.allows_page("procurations")
    assert acting_words("Antoine Santoni") == "Vous agissez pour Antoine Santoni"


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
