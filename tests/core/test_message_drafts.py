"""Message drafts: what is typed, and the Idempotency-Key of a sending already tried, survive a restart."""

from __future__ import annotations

from msa_tui.core import message_drafts as md
from msa_tui.core.idempotency import key_for


def test_a_tried_sending_keeps_its_key_for_the_retry(isolated_dirs):
    kind = md.reply_kind("thr-42")
    tried = key_for("Bonjour, voici ma réponse.", None)
    md.keep(kind, "mbr-1", {"body": "Bonjour, voici ma réponse."}, send_key=tried)
    # A restart: only the disk remembers. The same words sent again reuse the key (one message).
    assert md.load(kind, "mbr-1") == {"body": "Bonjour, voici ma réponse."}
    kept = md.load_send_key(kind, "mbr-1")
    assert kept == tried
    assert key_for("Bonjour, voici ma réponse.", kept)["key"] == tried["key"]
    # Other words are another message: a new key.
    assert key_for("Autre chose.", kept)["key"] != tried["key"]


def test_nothing_typed_keeps_nothing(isolated_dirs):
    kind = md.reply_kind("thr-42")
    md.keep(kind, "mbr-1", {"body": "x"}, send_key=key_for("x", None))
    md.keep(kind, "mbr-1", {"body": "  "})
    assert md.load(kind, "mbr-1") is None and md.load_send_key(kind, "mbr-1") is None
