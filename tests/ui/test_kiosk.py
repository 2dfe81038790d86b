"""Kiosk mode: a whole session at a shared desk leaves nothing of the member on the machine."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs
import pytest
from textual.widgets import DataTable, Static

from msa_tui.core import drafts, paths
from msa_tui.core.config import Config
from msa_tui.core.credentials import CredentialStore
from msa_tui.core.kiosk import Kiosk, kiosk_root
from msa_tui.core.nir import format_nir
from tests.support.navigation import go_to
from tests.support.members import DEMO_NIR, OTHER_NIR
from tests.support.ui import MemoryKeyring, login, make_app, type_text, wait_for, wait_screen
from tests.support.wizard_keys import (
    PDF, add_files_to, fill_document, open_wizard, step1_object, step2_prepare, step3_count, wait_step,
)


@pytest.fixture
def desk(tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-test temp dir and runtime dir, and the desk's documents folder (the scanner's output)."""
    for name, var in (("tmp", "TMPDIR"), ("runtime", "XDG_RUNTIME_DIR")):
        (tmp_path / name).mkdir(mode=0o700)
        monkeypatch.setenv(var, str(tmp_path / name))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() caches its answer
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")
    docs = tmp_path / "scanner"
    docs.mkdir()
    (docs / "a-scan.pdf").write_bytes(PDF + b"scan")
    yield docs
    drafts.use_memory(False)
    paths.use_downloads_dir(None)


def kiosk_app(server_app, docs: Path, keyring: MemoryKeyring):
    config = Config(server_url="http://testserver", kiosk=True, kiosk_documents_dir=str(docs))
    return make_app(server_app, config=config, credentials=CredentialStore(backend=keyring))


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render()).replace("\n", "")


def every_file(roots: list[Path]) -> set[Path]:
    found: set[Path] = set()
    for root in roots:
        if root.is_dir():
            found |= {p for p in root.rglob("*") if p.is_file() or p.is_symlink()}
    return found


def platformdirs_folders() -> list[Path]:
    """Every user_*_path platformdirs gives (ours by app name, the shared ones such as Downloads)."""
    found = []
    for name in dir(platformdirs):
        if name.startswith("user_") and name.endswith("_path"):
            function = getattr(platformdirs, name)
            try:
                found.append(function("msa-tui"))
            except TypeError:
                found.append(function())
    return found


async def log_out_by_ctrl_q(pilot) -> None:
    await pilot.press("ctrl+q")
    await wait_screen(pilot, "ConfirmDialog")
    await pilot.press("o")
    await wait_screen(pilot, "LoginScreen")
    await wait_for(pilot, lambda: pilot.app.me is None)


async def test_a_whole_kiosk_session_leaves_nothing(server_app, desk, isolated_dirs, tmp_path):
    keyring = MemoryKeyring()
    app = kiosk_app(server_app, desk, keyring)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, "LoginScreen")
        # The options a member would tick are not offered at all.
        assert not app.screen.query("#remember-nir") and not app.screen.query("#stay-connected")
        await login(pilot)
        folder = app.kiosk.folder
        assert folder is not None and folder.stat().st_mode & 0o777 == 0o700
        # A document.
        await go_to(pilot, "documents")
        await wait_screen(pilot, "DocumentsScreen")
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "Document enregistré" in shown(app, "#download-result"))
        # An attestation.
        await pilot.press("escape")
        await go_to(pilot, "attestations")
        await wait_screen(pilot, "AttestationsScreen")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Attestation enregistrée" in shown(app, "#attestation-result"))
        await pilot.press("escape")
        # The wizard: a draft at every step (in memory), then the receipt.
        while len(app.screen_stack) > 2:
            app.pop_screen()
            await pilot.pause()
        await open_wizard(pilot)
        await step1_object(pilot, downs=5)
        await step2_prepare(pilot)
        assert drafts.load_draft("send_document", app.me.id) is not None
        await step3_count(pilot, 1)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=1, person=0, motif="Demenagement")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        await add_files_to(pilot, 0, [1])
        await pilot.press("ctrl+right")
        await wait_step(pilot, 6)
        await pilot.press("space", "ctrl+right")
        await wait_step(pilot, 7)
        await wait_for(pilot, lambda: app.screen.query("#receipt-view"), rounds=500)
        await wait_for(pilot, lambda: len(list(folder.iterdir())) == 3)
        assert all(p.parent == folder for p in folder.iterdir())
        # A reply being typed (a draft in memory).
        await go_to(pilot, "messages")
        await wait_screen(pilot, "MessagesScreen")
        await pilot.pause()
        await pilot.press("enter")
        await wait_screen(pilot, "ThreadScreen")
        await type_text(pilot, "Je joins mon attestation")
        # Ctrl+Q logs out and comes back to the login screen: the app is still there.
        await log_out_by_ctrl_q(pilot)
        assert list(folder.iterdir()) == []
        assert drafts.list_drafts() == []
        # The next member's file picker: the desk's documents folder only.
        await login(pilot, nir=OTHER_NIR)
        await open_wizard(pilot)
        await step1_object(pilot)
        await step2_prepare(pilot)
        await step3_count(pilot, 1)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=1, person=0, motif="Essai")
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        app.screen.query_one("#add-0").focus()
        await pilot.press("enter")
        await wait_screen(pilot, "FilePickerDialog")
        tree = app.screen.query_one("#picker-tree")
        await wait_for(pilot, lambda: tree.root.children)
        await pilot.press("backspace")  # never above the documents folder
        await pilot.pause()
        assert Path(tree.path).resolve() == desk.resolve()
        offered = {child.data.path.name for child in tree.root.children}
        assert offered == {"a-scan.pdf"}
        await pilot.press("escape")
        await wait_screen(pilot, "SendDocumentScreen")
        await log_out_by_ctrl_q(pilot)
        await pilot.press("ctrl+q")  # from the login screen, the app can be left
        await wait_for(pilot, lambda: not app.is_running)
    assert not folder.exists()
    roots = [isolated_dirs, Path(os.environ["TMPDIR"]), *[tmp_path / v.lower() for v in (
        "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_DOWNLOAD_DIR")],
        *platformdirs_folders()]
    left = every_file(roots)
    assert left == set()
    for path in every_file([tmp_path]) - every_file([tmp_path / "data"]):
        content = path.read_bytes()
        assert DEMO_NIR.encode() not in content and format_nir(DEMO_NIR).encode() not in content, path
    assert keyring.secrets == {}


def test_a_killed_kiosk_session_is_wiped_at_the_next_start(desk):
    root = kiosk_root()
    root.mkdir(mode=0o700)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    killed = root / f"session-{dead.pid}-abcd1234"
    killed.mkdir(mode=0o700)
    (killed / "Relevé mensuel.pdf").write_bytes(PDF)
    living = root / f"session-{os.getppid()}-efgh5678"  # another desk's process still running
    living.mkdir(mode=0o700)
    kiosk = Kiosk(desk)
    kiosk.start()
    try:
        assert not killed.exists()
        assert living.exists()
        assert kiosk.folder is not None and kiosk.folder.parent == root
        assert paths.downloads_dir() == kiosk.folder
    finally:
        kiosk.close()
    assert not kiosk.folder or not kiosk.folder.exists()
    assert paths.downloads_dir() != root


@pytest.mark.parametrize("problem", ["missing", "unwritable"])
def test_a_bad_documents_folder_stops_kiosk_start_with_status_2(desk, tmp_path, capsys, problem):
    from msa_tui.cli import main

    target = tmp_path / "nowhere" if problem == "missing" else desk
    if problem == "unwritable":
        desk.chmod(0o500)
        if os.access(desk, os.W_OK):  # root writes anywhere
            pytest.skip("running as root")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'kiosk = true\nkiosk_documents_dir = "{target}"\n', encoding="utf-8")
    try:
        assert main(["--config", str(config)]) == 2
    finally:
        desk.chmod(0o700)
    err = capsys.readouterr().err
    assert "Mode kiosque" in err and ("introuvable" in err if problem == "missing" else "écriture" in err)
    assert not kiosk_root().exists()


def test_kiosk_settings_and_shorter_idle_defaults(isolated_dirs):
    from msa_tui.core.config import load_config

    config = load_config(None, env={"MSA_TUI_KIOSK": "1"})
    assert config.kiosk and config.idle_timeout_s == 180 and config.idle_warning_s == 30
    assert config.sources["kiosk"] == "env:MSA_TUI_KIOSK"
    config = load_config(None, env={"MSA_TUI_KIOSK": "1", "MSA_TUI_IDLE_TIMEOUT": "300"})
    assert config.idle_timeout_s == 300 and config.idle_warning_s == 30
    assert load_config(None, env={}, kiosk=True).kiosk
    assert not load_config(None, env={}).kiosk
