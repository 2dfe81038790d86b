"""`msa-tui web`: the app in a browser through textual-serve, one app process per browser tab.

textual-serve runs a shell command for every browser connection and streams
that process's terminal over a WebSocket; our command is this Python running
`-m msa_tui` with the same settings flags (and --demo: each tab then gets its
own freshly seeded demo server).
"""

from __future__ import annotations

import argparse
import sys

NAME = "web"
HELP = "servir l'application dans un navigateur (textual-serve)"
DESCRIPTION = (
    "Sert msa-tui à un navigateur : chaque onglet ouvert sur l'adresse affichée\n"
    "lance sa propre session. Par défaut, seule cette machine peut s'y connecter\n"
    "(127.0.0.1). Pour l'ouvrir au réseau, placez un proxy HTTPS devant et\n"
    "indiquez son adresse avec --public-url."
)
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TITLE = "Mon espace privé — MSA"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .options import add_settings_options

    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"adresse d'écoute (par défaut {DEFAULT_HOST}, cette machine seulement)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port d'écoute (par défaut {DEFAULT_PORT})")
    parser.add_argument("--public-url", metavar="URL",
                        help="adresse que les navigateurs utilisent, par exemple celle du proxy HTTPS")
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="chaque onglet démarre son propre serveur de démonstration")
    add_settings_options(parser, subcommand=True)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def port_in_use(host: str, port: int) -> str | None:
    """Why `host:port` cannot be listened on (None when it can): checked before starting."""
    import socket

    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"adresse « {host} » inconnue ({exc.strerror})"
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as probe:
            # As the server will: an old connection in TIME_WAIT does not make the port busy.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                return exc.strerror or str(exc)
    return None


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for every tab (it goes through a shell: quoted)."""
    import shlex

    from .options import forwarded_argv

    words = [sys.executable, "-m", "msa_tui", *forwarded_argv(args)]
    if args.demo:
        words.append("--demo")
    return shlex.join(words)


def public_url(args: argparse.Namespace) -> str:
    if args.public_url:
        return args.public_url.rstrip("/")
    host = args.host
    if host in ("0.0.0.0", "::", ""):
        import socket

        host = socket.getfqdn()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{args.port}"


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"msa-tui web : le port {args.port} n'existe pas (1 à 65535).", file=sys.stderr)
        return 2
    busy = port_in_use(args.host, args.port)
    if busy is not None:
        print(f"msa-tui web : impossible d'écouter sur {args.host}:{args.port} ({busy}). "
              "Le port est peut-être déjà pris : choisissez-en un autre avec --port.", file=sys.stderr)
        return 2
    url = public_url(args)
    if not is_loopback(args.host) and not url.startswith("https://"):
        print(
            "ATTENTION : msa-tui web écoute sur une adresse du réseau sans HTTPS. Les numéros de\n"
            "sécurité sociale et les mots de passe tapés dans le navigateur circuleront en clair.\n"
            "Placez un proxy HTTPS devant et indiquez son adresse avec --public-url https://…,\n"
            "ou gardez l'adresse par défaut (127.0.0.1).",
            file=sys.stderr,
        )
    from ._web_server import serve

    serve(app_command(args), host=args.host, port=args.port, public_url=url, title=TITLE)
    return 0
