"""Request drafts: saved and read back per member; another member's drafts never listed."""

from __future__ import annotations

from msa_tui.core import request_drafts as rd


def test_saved_answers_come_back_and_are_listed_for_their_owner_only(tmp_path):
    assert rd.save(rd.request_kind("aide_logement"), "mbr-1", "Aide au logement", {"loyer_mensuel": "520"},
                   tmp_path)
    rd.save(rd.request_kind("rsa"), "mbr-2", "RSA", {"foyer_personnes": "2"}, tmp_path)
    rd.save(rd.declaration_kind("dcl-1"), "mbr-1", "RSA T3", {"salaires": "12"}, tmp_path)
    assert rd.load_answers(rd.request_kind("aide_logement"), "mbr-1", tmp_path) == {"loyer_mensuel": "520"}
    assert rd.load_answers(rd.request_kind("aide_logement"), "mbr-2", tmp_path) is None
    listed = rd.request_drafts("mbr-1", tmp_path)
    assert [(d["type"], d["label"]) for d in listed] == [("aide_logement", "Aide au logement")]
    rd.discard(rd.request_kind("aide_logement"), "mbr-1", tmp_path)
    assert rd.request_drafts("mbr-1", tmp_path) == []


def test_a_secret_is_refused_without_raising(tmp_path):
    assert not rd.save(rd.request_kind("x"), "mbr-1", "X", {"password": "no"}, tmp_path)
    assert rd.request_drafts("mbr-1", tmp_path) == []
