"""Kiosk mode: a shared desk where one member follows another, and nothing of one stays for the next.

The policy, in one place (no Textual, no httpx):
- no remembered NIR, no « Rester connecté », the keyring never opened (see `Session`);
- drafts in memory only: kept across an idle logout for the same member's re-login,
  dropped at an explicit logout, at quit, and when another member logs in;
- downloads go to a private folder (0700) of this process under the kiosk root, named
  with the process id; it is emptied at every logout and removed at quit, and a folder
  whose process is dead (killed) is removed at the next start;
- the file picker starts in the configured documents folder (`kiosk_documents_dir`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from . import drafts, leftovers, paths

IDLE_TIMEOUT_S = 180
IDLE_WARNING_S = 30
SESSION_PREFIX = "session-"


class KioskError(Exception):
    """Kiosk mode cannot start safely; `message` is French (the command exits with status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def kiosk_root() -> Path:
    """Where the sessions' folders live: the temp dir, one private folder per user."""
    return Path(tempfile.gettempdir()) / f"msa-tui-kiosk-{os.getuid()}"


def check_documents_dir(value: str | Path | None) -> Path:
    """The documents folder the picker opens in: it must exist, be a folder, be writable and not full."""
    if value is None or not str(value).strip():
        raise KioskError("Mode kiosque : indiquez le dossier des documents (réglage « kiosk_documents_dir », "
                         "par exemple le dossier du scanner ou une clé USB).")
    path = Path(str(value)).expanduser()
    if not path.is_dir():
        raise KioskError(f"Mode kiosque : le dossier des documents {path} est introuvable.")
    if not os.access(path, os.W_OK | os.X_OK):
        raise KioskError(f"Mode kiosque : le dossier des documents {path} n'est pas accessible en écriture.")
    try:
        free = shutil.disk_usage(path).free
    except OSError as exc:
        raise KioskError(f"Mode kiosque : le dossier des documents {path} est illisible ({exc.strerror}).") from None
    if free < 1024 * 1024:
        raise KioskError(f"Mode kiosque : le disque du dossier des documents {path} est plein.")
    return path


class Kiosk:
    """One kiosk run: its private downloads folder and its in-memory drafts."""

    def __init__(self, documents_dir: Path, root: Path | None = None) -> None:
        self.documents_dir = documents_dir
        self.root = root or kiosk_root()
        self.folder: Path | None = None
        self._drafts_owner: str | None = None

    def start(self) -> None:
        """Remove the folders of killed sessions, make ours, route downloads and drafts to it."""
        try:
            self.root.mkdir(mode=paths.PRIVATE_MODE, exist_ok=True)
            info = self.root.lstat()
            if self.root.is_symlink() or info.st_uid != os.getuid() or info.st_mode & 0o077:
                raise KioskError(f"Mode kiosque : le dossier {self.root} n'est pas privé ; supprimez-le.")
            leftovers.sweep_dead(self.root, SESSION_PREFIX)
            self.folder = leftovers.make_pid_dir(self.root, SESSION_PREFIX)
        except OSError as exc:
            raise KioskError(f"Mode kiosque : le dossier {self.root} ne peut pas être créé "
                             f"({exc.strerror or exc}).") from None
        paths.use_downloads_dir(self.folder)
        drafts.use_memory(True)

    def member_arrived(self, member_id: str) -> None:
        """A login: another member's drafts (kept for their re-login after an idle logout) go."""
        if self._drafts_owner is not None and self._drafts_owner != member_id:
            drafts.clear_memory()
        self._drafts_owner = member_id

    def member_left(self, *, idle: bool) -> None:
        """A logout: the downloads go; the drafts stay only after an idle logout (same member's re-login)."""
        self.wipe_downloads()
        if not idle:
            drafts.clear_memory()
            self._drafts_owner = None

    def wipe_downloads(self) -> None:
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in list(self.folder.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)

    def close(self) -> None:
        """Quit (or a signal): nothing of this run stays. Safe to call twice."""
        drafts.clear_memory()
        drafts.use_memory(False)
        paths.use_downloads_dir(None)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def print_file(command: str, path: Path) -> str | None:
    """Run the print command (words split as a shell would, but no shell) with the file as last argument.

    Returns None once printed, else a French reason for the member.
    """
    import shlex
    import subprocess

    try:
        words = shlex.split(command)
    except ValueError:
        words = []
    if not words:
        return "L'impression n'est pas configurée correctement (réglage « print_command »)."
    try:
        done = subprocess.run([*words, str(path)], capture_output=True, timeout=60, check=False)
    except FileNotFoundError:
        return f"L'impression a échoué : la commande « {words[0]} » est introuvable."
    except (OSError, subprocess.TimeoutExpired):
        return "L'impression a échoué : l'imprimante ne répond pas."
    if done.returncode != 0:
        return "L'impression a échoué. Demandez de l'aide à l'accueil."
    return None
