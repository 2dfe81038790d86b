"""The layers hold: headless modules load neither Textual nor httpx, and the import-linter contracts pass."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import msa_tui.core

ROOT = Path(__file__).resolve().parent.parent

PROBE = (
    "import importlib, sys\n"
    "for name in sys.argv[1:]:\n"
    "    importlib.import_module(name)\n"
    "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'httpx'})) or '-')\n"
)
"""Imports the modules named on its command line, then prints which of textual and httpx got loaded."""


def core_modules() -> list[str]:
    """Every module under msa_tui/core/, found on disk: a new one is checked the day it is added."""
    return sorted(info.name for info in pkgutil.walk_packages(msa_tui.core.__path__, "msa_tui.core."))


def loaded_by(modules: list[str]) -> set[str]:
    """Which of textual and httpx a fresh interpreter holds after importing `modules`."""
    result = subprocess.run([sys.executable, "-c", PROBE, *modules], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split()) - {"-"}


def test_core_modules_are_all_found():
    found = core_modules()
    assert {"msa_tui.core.clock", "msa_tui.core.payments", "msa_tui.core.send_document.wizard"} <= set(found)


@pytest.mark.parametrize("modules", [
    pytest.param(core_modules(), id="core"),
    pytest.param(["msa_tui.api.models"], id="api.models"),
    pytest.param(["msa_tui.api"], id="api-package"),
    pytest.param(["msa_tui.mock_server.app"], id="mock_server"),
])
def test_headless_modules_load_neither_textual_nor_httpx(modules):
    assert loaded_by(modules) == set()


def test_the_client_loads_httpx_but_not_textual():
    # The probe itself must be able to see httpx, or the test above proves nothing.
    assert loaded_by(["msa_tui.api.client"]) == {"httpx"}


def test_import_linter_contracts_pass():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), "import-linter is in the test extra: pip install -e '.[test]'"
    # --no-cache: parallel test workers must not race on the .import_linter_cache directory.
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
