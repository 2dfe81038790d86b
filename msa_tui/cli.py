"""The `msa-tui` command: parse flags (cheaply), load the config, run the app (and the demo server)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__ as VERSION


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="msa-tui",
        description="Client terminal de « Mon espace privé » de la MSA.",
        epilog="Réglages : fichier TOML (--config), puis variables MSA_TUI_*, puis ces options.",
    )
    parser.add_argument("--demo", action="store_true",
                        help="démarrer un serveur de démonstration local et s'y connecter")
    parser.add_argument("--server", metavar="URL",
                        help="adresse du serveur MSA (https://, ou http:// vers cet ordinateur seulement)")
    parser.add_argument("--ca-bundle", metavar="PATH",
                        help="fichier PEM des autorités de certification à reconnaître (sinon SSL_CERT_FILE)")
    parser.add_argument("--config", metavar="PATH", type=Path, help="fichier de configuration TOML")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="dossier des données du serveur de démonstration (avec --demo)")
    parser.add_argument("--lang", choices=("fr", "en"), help="langue de l'interface")
    parser.add_argument("--version", action="version", version=f"msa-tui {VERSION}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Everything heavy is imported only now, so that --help and --version stay instant.
    from .core.config import ConfigError, load_config

    try:
        config = load_config(args.config, server_url=args.server, language=args.lang, ca_bundle=args.ca_bundle)
    except ConfigError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    if args.data_dir is not None and not args.demo:
        print("L'option --data-dir ne sert qu'avec --demo.", file=sys.stderr)
        return 2

    from .core.transport_policy import ca_bundle_problem, choose_ca_bundle, server_url_problem

    problem = None if args.demo else server_url_problem(config.server_url)
    ca_bundle = choose_ca_bundle(config.ca_bundle, os.environ.get("SSL_CERT_FILE"))
    if problem is None and ca_bundle is not None:
        problem = ca_bundle_problem(ca_bundle)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2

    from .core.i18n import set_language

    set_language(config.language)

    demo_server = None
    transport = None
    server_url = config.server_url
    if args.demo:
        from .demo import PLACEHOLDER_URL, DemoServer

        demo_server = DemoServer(args.data_dir)
        transport = demo_server.transport  # a factory, called on the first API call
        server_url = PLACEHOLDER_URL

    from .app import MsaApp

    # Logging starts right after the first paint (logging.handlers is a slow import).
    app = MsaApp(config, server_url=server_url, transport=transport, demo=args.demo, demo_server=demo_server,
                 setup_logs=True, client_kwargs={"ca_bundle": ca_bundle} if ca_bundle else None)
    try:
        app.run()
    finally:
        if demo_server is not None:
            demo_server.stop()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
