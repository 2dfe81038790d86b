"""Drafts of forms in progress: atomic JSON files under the state dir, one per kind and member.

A draft file is named from a hash of the member id (never the NIR), readable by
its owner only (0600), and may never hold a password or a token: `save_draft`
refuses such keys outright rather than trusting every caller.

In kiosk mode (`use_memory(True)`) drafts live in this process's memory only: same
functions, same names, nothing on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_FORBIDDEN_KEYS = ("password", "mot_de_passe", "access_token", "refresh_token", "token", "nir")


_MEMORY_DIR = Path("<mémoire>")
_memory: dict[Path, str] | None = None


def use_memory(on: bool) -> None:
    """Kiosk mode: keep drafts in memory (True) or on disk again (False, memory dropped)."""
    global _memory
    _memory = {} if on else None


def clear_memory() -> None:
    """Forget every draft held in memory (kiosk: a member leaves for good)."""
    if _memory is not None:
        _memory.clear()


class DraftRefused(ValueError):
    """A draft that would have stored a secret."""


def _base(base_dir: Path | None) -> Path:
    if _memory is not None:
        return _MEMORY_DIR
    if base_dir is not None:
        base_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        return base_dir
    from . import paths

    return paths.drafts_dir()


def draft_path(kind: str, owner: str, base_dir: Path | None = None) -> Path:
    digest = hashlib.sha256(f"{kind}\0{owner}".encode()).hexdigest()[:24]
    return _base(base_dir) / f"{kind}-{digest}.json"


def _check_no_secrets(value: Any, where: str = "") -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            low = str(key).lower()
            if any(low == bad or low.endswith("_" + bad) for bad in _FORBIDDEN_KEYS):
                raise DraftRefused(f"clé interdite dans un brouillon : {where}{key}")
            _check_no_secrets(sub, f"{where}{key}.")
    elif isinstance(value, list):
        for item in value:
            _check_no_secrets(item, where)


def save_draft(kind: str, owner: str, data: dict[str, Any], base_dir: Path | None = None) -> Path:
    """Writes the draft atomically: a temp file in the same dir, fsync, rename, fsync the dir."""
    _check_no_secrets(data)
    dest = draft_path(kind, owner, base_dir)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    if _memory is not None:
        _memory.pop(dest, None)  # re-inserted last: the newest comes last, as on disk
        _memory[dest] = text
        return dest
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(dest.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return dest


def load_draft(kind: str, owner: str, base_dir: Path | None = None) -> dict[str, Any] | None:
    """The saved draft, or None. A corrupt file is set aside (renamed `.corrupt`), not deleted."""
    path = draft_path(kind, owner, base_dir)
    try:
        text = _memory[path] if _memory is not None else path.read_text(encoding="utf-8")
    except (FileNotFoundError, KeyError):
        return None
    except OSError as exc:
        log.warning("draft unreadable: %s", exc)
        return None
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except ValueError:
        log.warning("corrupt draft set aside: %s", path.name)
        with contextlib.suppress(OSError):
            os.replace(path, path.with_suffix(".corrupt"))
        return None
    return data


def delete_draft(kind: str, owner: str, base_dir: Path | None = None) -> bool:
    path = draft_path(kind, owner, base_dir)
    if _memory is not None:
        return _memory.pop(path, None) is not None
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def list_drafts(kind: str | None = None, base_dir: Path | None = None) -> list[Path]:
    """Draft files on disk (of one kind, or all), oldest first."""
    pattern = f"{kind}-*.json" if kind else "*.json"
    if _memory is not None:
        from fnmatch import fnmatchcase

        return [path for path in _memory if fnmatchcase(path.name, pattern)]
    return sorted(_base(base_dir).glob(pattern), key=lambda p: p.stat().st_mtime_ns)
