"""Fixtures of the snapshot tests."""

from __future__ import annotations

import pytest

from tests.support.snapshots import FROZEN


@pytest.fixture
def frozen(monkeypatch, isolated_dirs):
    """The app's clock stopped at FROZEN, in temp dirs: the same dates on every run."""
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", FROZEN)
