"""The layers hold: core modules load without Textual, and the import-linter contracts pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE_IMPORTS = (
    "import msa_tui.core.nir, msa_tui.core.config, msa_tui.core.credentials, msa_tui.core.idle, msa_tui.core.logs, "
    "msa_tui.core.clock, msa_tui.core.paths, msa_tui.core.i18n, msa_tui.core.fields, msa_tui.core.session, "
    "msa_tui.core.payments, msa_tui.core.send_document.sending, msa_tui.api.client; import sys; "
    "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
)


def test_core_modules_do_not_import_textual():
    result = subprocess.run([sys.executable, "-c", CORE_IMPORTS], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_import_linter_contracts_pass():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), "import-linter is in the test extra: pip install -e '.[test]'"
    # --no-cache: parallel test workers must not race on the .import_linter_cache directory.
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
