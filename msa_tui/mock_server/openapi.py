"""Print the mock server's OpenAPI document: `python -m msa_tui.mock_server.openapi > docs/openapi.json`."""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

PINNED = date(2026, 11, 15)


def document() -> dict[str, Any]:
    """The OpenAPI document of a throwaway app (the schema does not depend on the data)."""
    from .app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        # With the demo routes: the document describes every path the server can serve.
        app = create_app(Path(tmp), today=PINNED, demo_outbox=True)
        try:
            return app.openapi()
        finally:
            app.state.ctx.store.close()


def render() -> str:
    return json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
