"""`msa-tui doctor [--json]`: what a support agent asks first, nothing personal.

Exit status 0 when no check failed (warnings, such as no keyring on a headless
server, do not fail: the app works without), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

NAME = "doctor"
HELP = "diagnostic pour l'assistance (serveur, versions, terminal, réglages)"
DESCRIPTION = (
    "Vérifie le serveur (réponse, délai, certificat), les versions, le trousseau,\n"
    "le terminal, les réglages et leur origine, les dossiers et leurs droits.\n"
    "N'affiche aucune donnée personnelle. Statut de sortie : 0 si tout va bien,\n"
    "1 si une vérification a échoué."
)
WORDS = {"ok": "OK", "warning": "ATTENTION", "failure": "ÉCHEC", "info": "INFO"}
WIDTH = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .options import add_settings_options

    parser.add_argument("--json", action="store_true", help="résultat en JSON (pour un script)")
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="démarrer le serveur de démonstration et le vérifier")
    add_settings_options(parser, subcommand=True)


def render(checks: list[Any]) -> str:
    """French lines of at most 80 columns; each check starts with its word, not only a colour."""
    import textwrap

    word_width = max(len(word) for word in WORDS.values())
    lines: list[str] = []
    section = None
    for check in checks:
        if check.section != section:
            section = check.section
            lines += ["", f"{section}"] if lines else [f"{section}"]
        head = f"  {WORDS[check.status].ljust(word_width)}  "
        lines += textwrap.wrap(f"{check.label} : {check.detail}", WIDTH, initial_indent=head,
                               subsequent_indent=" " * len(head), break_on_hyphens=False,
                               break_long_words=True)
    failed = sum(check.status == "failure" for check in checks)
    warned = sum(check.status == "warning" for check in checks)
    lines += ["", "Résultat : " + ("ÉCHEC, " if failed else "OK, ")
              + f"{failed} échec(s), {warned} avertissement(s)."]
    return "\n".join(line for line in lines if line is not None)


def run(args: argparse.Namespace) -> int:
    from ..core.config import Config, ConfigError, load_config
    from ..diagnostics import all_checks
    from .options import settings_values

    flags = settings_values(args)
    config_error = None
    try:
        config = load_config(flags["config"], server_url=flags["server"], language=flags["lang"])
    except ConfigError as exc:
        config_error = exc.message
        config = Config(server_url=flags["server"] or Config().server_url)

    demo_server = None
    server_url = config.server_url
    demo = bool(getattr(args, "demo", False))
    try:
        if demo:
            from ..demo import DemoServer, DemoServerError

            demo_server = DemoServer()
            try:
                server_url = demo_server.wait_url().rstrip("/")
            except DemoServerError as exc:
                print(f"msa-tui doctor : {exc}.", file=sys.stderr)
                return 1
        checks = all_checks(config, server_url=server_url, demo=demo, config_error=config_error)
    finally:
        if demo_server is not None:
            demo_server.stop()

    ok = not any(check.status == "failure" for check in checks)
    if args.json:
        import json

        report = {"ok": ok, "checks": [
            {"section": c.section, "label": c.label, "status": c.status, "detail": c.detail, "data": c.data}
            for c in checks
        ]}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render(checks))
    return 0 if ok else 1
