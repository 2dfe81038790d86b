"""`python -m msa_tui.mock_server` / `msa-mock-server`: run the mock MSA backend alone."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="msa-mock-server", description="Serveur de démonstration MSA (API /api/v1).")
    p.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (défaut : 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port d'écoute, 0 = un port libre (défaut : 8765)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="dossier des données (SQLite et fichiers) ; un dossier vide est rempli avec la démo "
                        "(défaut : un dossier temporaire effacé à l'arrêt)")
    p.add_argument("--max-file-bytes", type=int, default=None, help="taille maximale d'un fichier envoyé (octets)")
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="date du jour simulée AAAA-MM-JJ (le jeu de démo suit son mois)")
    p.add_argument("--access-ttl", type=int, default=900, help="durée de vie du jeton d'accès en secondes")
    p.add_argument("--demo-outbox", action="store_true",
                   help="mode démonstration : ouvre GET /api/v1/dev/outbox (tous les codes envoyés, sans "
                        "connexion) et la documentation interactive /docs ; jamais sur un serveur partagé")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.max_file_bytes is not None and args.max_file_bytes <= 0:
        print("--max-file-bytes doit être un entier positif", file=sys.stderr)
        return 2
    from .runner import ServerThread

    scratch = None
    if args.data_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="msa-mock-")
        args.data_dir = Path(scratch.name)
    server = ServerThread(args.data_dir, host=args.host, port=args.port, today=args.today,
                          max_file_bytes=args.max_file_bytes, access_ttl_s=args.access_ttl,
                          demo_outbox=args.demo_outbox)
    server.start()
    print(f"Serveur de démonstration MSA : {server.url}/api/v1 (Ctrl+C pour arrêter)", flush=True)
    stop = threading.Event()
    # SIGINT may be ignored when started in the background by a shell: SIGTERM stops it cleanly too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        while not stop.wait(0.5) and server.alive:
            pass
    finally:
        server.stop()
        if scratch is not None:
            scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
