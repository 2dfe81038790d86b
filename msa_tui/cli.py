"""The `msa-tui` command: parse flags (cheaply), load the config, run the app (and the demo server)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__ as VERSION

if TYPE_CHECKING:
    import argparse  # imported for real only when the parser is built (launch_args reads the app's flags)


_VARIABLE_HELP = {
    "server_url": "adresse du serveur MSA",
    "idle_timeout_s": "délai d'inactivité avant déconnexion (secondes)",
    "idle_warning_s": "avertissement avant cette déconnexion (secondes)",
    "theme": "thème de couleurs",
    "language": "langue de l'interface (fr ou en)",
    "kiosk": "1 : mode kiosque (poste partagé, rien n'est gardé)",
}


def _epilog() -> str:
    """The environment variables the settings read (from core.config, so a new one shows up here)."""
    from .core.config import CONFIG_PATH_ENV, ENV_VARS  # a light module: no third-party import

    rows = [(CONFIG_PATH_ENV, "fichier de configuration (comme --config)")]
    rows += [(name, _VARIABLE_HELP.get(key, f"réglage « {key} »")) for name, key in ENV_VARS.items()]
    rows += [
        ("MSA_TUI_LOG_LEVEL", "niveau du journal (DEBUG, INFO, WARNING…)"),
        ("NO_COLOR", "non vide : sans couleurs"),
        ("FORCE_COLOR", "non vide : couleurs même si NO_COLOR est défini"),
    ]
    width = max(len(name) for name, _text in rows)
    lines = [f"  {name.ljust(width)}  {text}" for name, text in rows]
    return "\n".join([
        "Variables d'environnement :", *lines, "",
        "Ordre de priorité des réglages : fichier TOML, puis variables MSA_TUI_*, puis",
        "options de la ligne de commande.",
        "Sans commande, msa-tui ouvre l'application dans le terminal.",
        "Aide d'une commande : msa-tui COMMANDE --help.",
    ])


def build_parser() -> argparse.ArgumentParser:
    # Only light modules here: the parser is built for --help too (an import-time test guards it).
    # A flag added here that the app reads belongs in launch_args too (its tests compare the two).
    from .commands_cli import add_commands
    from .commands_cli.argparse_fr import FrenchArgumentParser
    from .commands_cli.options import add_settings_options

    parser = FrenchArgumentParser(
        prog="msa-tui",
        description="Client terminal de « Mon espace privé » de la MSA.",
        epilog=_epilog(),
    )
    parser.add_argument("--demo", action="store_true",
                        help="démarrer un serveur de démonstration local et s'y connecter")
    add_settings_options(parser)
    parser.add_argument("--kiosk", action="store_true", default=None,
                        help="mode kiosque : poste partagé d'accueil, rien du membre n'est gardé")
    parser.add_argument("--data-dir", metavar="DIR", type=Path,
                        help="dossier des données du serveur de démonstration (avec --demo)")
    parser.add_argument("--version", action="version", version=f"msa-tui {VERSION}")
    parser.add_argument("--json", action="store_true",
                        help="résultat en JSON, pour les commandes qui affichent des données")
    parser.add_argument("--quiet", "-q", action="store_true", help="commandes : n'afficher que l'essentiel")
    add_commands(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .first_frame import hold, release

    hold()  # until the login screen is on show (MsaApp._start_services releases it); see first_frame
    try:
        return _main(argv)
    finally:
        release(collect=False)


def _main(argv: list[str] | None) -> int:
    from .launch_args import launch_args

    # The app's own flags are read without argparse (a few ms of start-up); anything else goes to it.
    args = launch_args(sys.argv[1:] if argv is None else argv) or build_parser().parse_args(argv)
    from .colour_env import apply_colour_conventions

    # Before anything reads NO_COLOR (the app, and the app processes `msa-tui web` starts).
    apply_colour_conventions()
    if getattr(args, "command", None):
        from .first_frame import release

        release(collect=False)  # a command may run long (`web`): the interpreter as usual
        return int(args.run(args))
    # Everything heavy is imported only now, so that --help and --version stay instant.
    from .core.config import ConfigError, load_config

    try:
        config = load_config(args.config, server_url=args.server, language=args.lang, ca_bundle=args.ca_bundle,
                             kiosk=args.kiosk)
    except ConfigError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    if args.data_dir is not None and not args.demo:
        print("L'option --data-dir ne sert qu'avec --demo.", file=sys.stderr)
        return 2

    from .core.transport_policy import choose_ca_bundle, settings_problem

    ca_bundle = choose_ca_bundle(config.ca_bundle, os.environ.get("SSL_CERT_FILE"))
    problem = settings_problem(None if args.demo else config.server_url, ca_bundle)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2

    from .core.i18n import set_language

    set_language(config.language)

    kiosk = None
    if config.kiosk:
        from .core.kiosk import Kiosk, KioskError, check_documents_dir

        try:
            kiosk = Kiosk(check_documents_dir(config.kiosk_documents_dir))
            kiosk.start()
        except KioskError as exc:
            print(exc.message, file=sys.stderr)
            return 2

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
                 setup_logs=True, kiosk=kiosk,
                 client_kwargs={"ca_bundle": ca_bundle} if ca_bundle else None)

    def clean_up() -> None:
        if demo_server is not None:
            demo_server.stop()
        if kiosk is not None:
            kiosk.close()

    from .core.leftovers import clean_up_on_signals

    # The terminal closed (SIGHUP) or the process asked to stop (SIGTERM): leave nothing behind.
    clean_up_on_signals(clean_up)
    try:
        app.run()
    finally:
        clean_up()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
