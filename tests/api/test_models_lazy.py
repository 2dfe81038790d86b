"""The contract's package loads, on a name's first use, only the module that defines it (no timings)."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from msa_tui.api import models

INIT = Path(models.__file__)


def type_checking_imports() -> dict[str, list[str]]:
    """The `if TYPE_CHECKING:` imports of the package (what the type checker sees), module → names."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    return {node.module: [alias.name for alias in node.names]
            for node in block.body if isinstance(node, ast.ImportFrom) and node.module}


def test_the_three_lists_of_names_agree():
    assert {module: list(names) for module, names in models._EXPORTS.items()} == type_checking_imports()
    exported = [name for names in models._EXPORTS.values() for name in names]
    assert sorted(exported) == sorted(models.__all__)
    assert len(exported) == len(set(exported))  # one home per name


def test_every_name_is_the_one_its_module_defines():
    for module_name, names in models._EXPORTS.items():
        module = importlib.import_module(f"msa_tui.api.models.{module_name}")
        for name in names:
            assert getattr(models, name) is getattr(module, name), name


def test_an_unknown_name_is_an_attribute_error():
    try:
        models.NoSuchModel  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchModel" in str(exc)
    else:
        raise AssertionError("no AttributeError")


def loaded_model_modules(code: str) -> list[str]:
    probe = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        print(json.dumps(sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("msa_tui.api.models."))))
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_asking_for_one_model_loads_its_module_and_what_it_imports_only():
    # The dashboard's member profile: not the appointments, declarations or submissions of the contract.
    assert loaded_model_modules("""
        from msa_tui.api.models import Me
        assert Me.__name__ == "Me"
    """) == ["codes", "common", "member"]
    assert loaded_model_modules("""
        from msa_tui.api import models
        models.Appointment, models.Slot
    """) == ["appointments", "codes", "common"]
