"""textual-serve's Server with French start-up lines (its own prints a banner in English)."""

from __future__ import annotations

import sys

from textual_serve.server import Server


class MsaWebServer(Server):
    async def on_startup(self, app: object) -> None:
        print(f"msa-tui web : ouvrez {self.public_url} dans un navigateur (Ctrl+C pour arrêter).",
              file=sys.stderr, flush=True)


def serve(command: str, *, host: str, port: int, public_url: str, title: str) -> None:
    MsaWebServer(command, host=host, port=port, public_url=public_url, title=title).serve()
