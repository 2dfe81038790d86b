"""The settings flags shared by the TUI and the sub-commands (--server, --ca-bundle, --config, --lang).

Given before a sub-command (`msa-tui --server URL doctor`) or after it
(`msa-tui doctor --server URL`): in a sub-command they default to SUPPRESS, so
that an absent flag there does not hide one given before the sub-command.
`msa-tui web` forwards them to the app it starts for every browser tab.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

SETTINGS_OPTIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("--server", {"metavar": "URL",
                  "help": "adresse du serveur MSA (https://, ou http:// vers cet ordinateur seulement)"}),
    ("--ca-bundle", {"metavar": "PATH",
                     "help": "fichier PEM des autorités de certification à reconnaître (sinon SSL_CERT_FILE)"}),
    ("--config", {"metavar": "PATH", "type": Path, "help": "fichier de configuration TOML"}),
    ("--lang", {"choices": ("fr", "en"), "help": "langue de l'interface"}),
)


def add_settings_options(parser: argparse.ArgumentParser, *, subcommand: bool = False) -> None:
    for flag, kwargs in SETTINGS_OPTIONS:
        default: dict[str, Any] = {"default": argparse.SUPPRESS} if subcommand else {}
        parser.add_argument(flag, **kwargs, **default)


def settings_values(args: argparse.Namespace) -> dict[str, Any]:
    """{dest: value} of the settings flags (None when not given)."""
    return {flag.lstrip("-").replace("-", "_"): getattr(args, flag.lstrip("-").replace("-", "_"), None)
            for flag, _kwargs in SETTINGS_OPTIONS}


def forwarded_argv(args: argparse.Namespace) -> list[str]:
    """The settings flags given, as command-line words for another `msa-tui` process."""
    words: list[str] = []
    for flag, _kwargs in SETTINGS_OPTIONS:
        value = getattr(args, flag.lstrip("-").replace("-", "_"), None)
        if value is not None:
            words += [flag, str(value)]
    return words
