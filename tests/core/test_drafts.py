"""Drafts: atomic, private, per member, never holding secrets, corrupt files set aside."""

from __future__ import annotations

import os
import stat

import pytest


from msa_tui.core.drafts import (
    DraftRefused,
    delete_draft,
    draft_path,
    list_drafts,
    load_draft,
    save_draft,
)


def test_save_load_delete(isolated_dirs):
    path = save_draft("send_document", "m1", {"step": 3, "motif": "Déménagement"})
    assert load_draft("send_document", "m1") == {"step": 3, "motif": "Déménagement"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert delete_draft("send_document", "m1")
    assert load_draft("send_document", "m1") is None
    assert not delete_draft("send_document", "m1")


def test_under_platform_state_dir(isolated_dirs, tmp_path):
    path = save_draft("send_document", "m1", {"a": 1})
    assert str(path).startswith(str(tmp_path / "xdg_state_home"))


def test_per_member_and_name_hides_member(tmp_path):
    save_draft("send_document", "m1", {"who": 1}, tmp_path)
    save_draft("send_document", "m2", {"who": 2}, tmp_path)
    assert load_draft("send_document", "m1", tmp_path) == {"who": 1}
    assert load_draft("send_document", "m2", tmp_path) == {"who": 2}
    assert "m1" not in draft_path("send_document", "m1", tmp_path).name
    assert len(list_drafts("send_document", tmp_path)) == 2


@pytest.mark.parametrize("key", ["password", "access_token", "refresh_token", "nir", "token"])
def test_refuses_secrets_anywhere(tmp_path, key):
    with pytest.raises(DraftRefused):
        save_draft("k", "m1", {"documents": [{"x": {key: "s"}}]}, tmp_path)
    assert list_drafts(None, tmp_path) == []


def test_atomic_old_draft_survives_failed_write(tmp_path, monkeypatch):
    save_draft("k", "m1", {"v": 1}, tmp_path)

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_draft("k", "m1", {"v": 2}, tmp_path)
    monkeypatch.undo()
    assert load_draft("k", "m1", tmp_path) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_corrupt_draft_set_aside(tmp_path):
    path = save_draft("k", "m1", {"v": 1}, tmp_path)
    path.write_text("{not json")
    assert load_draft("k", "m1", tmp_path) is None
    assert path.with_suffix(".corrupt").exists()
