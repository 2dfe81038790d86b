"""Where msa-tui keeps its files: platformdirs decides every path, created on demand."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "msa-tui"

# Our own directories may hold drafts, logs and config that say who the member
# is: only the owner may read them (shared desk terminals, multi-user servers).
PRIVATE_MODE = 0o700

_downloads_override: Path | None = None


def use_downloads_dir(path: Path | None) -> None:
    """Kiosk mode: every download goes to this private folder instead (None: back to Downloads)."""
    global _downloads_override
    _downloads_override = path


def _ensure(path: Path, mode: int = PRIVATE_MODE) -> Path:
    # `mode` applies to the directories created here only; an existing directory
    # keeps the permissions its owner chose.
    path.mkdir(mode=mode, parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The directory of `config.toml` (created)."""
    return _ensure(config_path_dir())


def config_path_dir() -> Path:
    """The directory of `config.toml`, not created: reading the settings needs no folder.

    On Linux, the XDG rule platformdirs applies ($XDG_CONFIG_HOME when it is an absolute path,
    else ~/.config), without importing platformdirs: a quick command (`payments list`) would load
    it, with tempfile, shutil, bz2 and lzma, only for this path. tests/core/test_paths.py checks
    that both agree; elsewhere platformdirs decides.
    """
    if sys.platform == "linux" and not hasattr(sys, "getandroidapilevel"):
        base = os.environ.get("XDG_CONFIG_HOME", "")
        if os.path.isabs(base):
            return Path(base) / APP_NAME
        home = os.path.expanduser("~")
        if os.path.isabs(home):
            return Path(home) / ".config" / APP_NAME
    import platformdirs  # lazy: keeps start-up light for `--help`

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """Application state that survives restarts (drafts…)."""
    import platformdirs

    return _ensure(platformdirs.user_state_path(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where `msa-tui.log` goes."""
    import platformdirs

    return _ensure(platformdirs.user_log_path(APP_NAME, appauthor=False))


def downloads_dir() -> Path:
    """The user's own Downloads directory (documents and attestations land there)."""
    if _downloads_override is not None:
        return _downloads_override
    import platformdirs

    # Not ours: created if missing, with the usual permissions, never re-moded.
    path = platformdirs.user_downloads_path()
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """Forms and wizards in progress, saved so that nothing typed is lost."""
    return _ensure(state_dir() / "drafts")


def kiosk_private_dir() -> Path | None:
    """Kiosk mode: this session's private folder (emptied at logout), else None. (Reduced copies of scans.)"""
    return _downloads_override
