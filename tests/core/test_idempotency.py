"""Idempotency keys follow the body they were made for."""

from __future__ import annotations

from msa_tui.core import request_drafts
from msa_tui.core.idempotency import key_for


def test_the_same_body_keeps_its_key_another_body_gets_a_new_one() -> None:
    first = key_for({"subject": "a", "body": "b"}, None)
    assert key_for({"body": "b", "subject": "a"}, first) == first
    other = key_for({"subject": "a", "body": "c"}, first)
    assert other["key"] != first["key"] and other["body"] != first["body"]


def test_a_request_draft_keeps_the_key_across_a_restart(tmp_path) -> None:
    kept = key_for({"type": "aide_logement"}, None)
    request_drafts.save("request-aide_logement", "m1", "Aide", {"loyer": "480"}, tmp_path, send_key=kept)
    assert request_drafts.load_send_key("request-aide_logement", "m1", tmp_path) == kept
    assert request_drafts.load_answers("request-aide_logement", "m1", tmp_path) == {"loyer": "480"}


def test_a_file_upload_key_survives_the_wizard_draft() -> None:
    from msa_tui.core.send_document.wizard import ChosenFile

    chosen = ChosenFile(path="/tmp/a.pdf", name="a.pdf", size=3, mtime_ns=1, content_type="application/pdf",
                        upload_key="u-1")
    assert ChosenFile.from_dict(chosen.to_dict()).upload_key == "u-1"
