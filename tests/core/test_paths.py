"""Platform directories: under the (fake) home, created on demand, private to the user."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from msa_tui.core import paths


def test_dirs_are_under_xdg_and_created(isolated_dirs, tmp_path):
    assert paths.config_dir() == tmp_path / "xdg_config_home" / "msa-tui"
    assert paths.state_dir() == tmp_path / "xdg_state_home" / "msa-tui"
    assert paths.drafts_dir() == tmp_path / "xdg_state_home" / "msa-tui" / "drafts"
    for directory in (paths.config_dir(), paths.state_dir(), paths.log_dir(), paths.drafts_dir()):
        assert directory.is_dir()
        assert str(directory).startswith(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_own_dirs_are_private(isolated_dirs):
    for directory in (paths.config_dir(), paths.state_dir(), paths.log_dir(), paths.drafts_dir()):
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700


def test_downloads_dir_exists(isolated_dirs, tmp_path):
    downloads = paths.downloads_dir()
    assert downloads.is_dir()
    assert str(downloads).startswith(str(tmp_path))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_existing_dir_keeps_its_mode(isolated_dirs, tmp_path):
    existing = tmp_path / "xdg_config_home" / "msa-tui"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    assert paths.config_dir() == existing
    assert stat.S_IMODE(os.stat(existing).st_mode) == 0o755


def test_paths_follow_the_environment_at_call_time(isolated_dirs, monkeypatch, tmp_path):
    other = tmp_path / "elsewhere"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(other))
    assert paths.config_dir() == other / "msa-tui"


@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "ABS"])
def test_the_settings_folder_is_where_platformdirs_puts_it(tmp_path, monkeypatch, xdg):
    # Computed without platformdirs on Linux: the two must agree, or settings saved would not be read.
    import platformdirs

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg") if xdg == "ABS" else xdg)
    assert paths.config_path_dir() == platformdirs.user_config_path("msa-tui", appauthor=False)
    assert not paths.config_path_dir().exists()  # reading creates nothing
