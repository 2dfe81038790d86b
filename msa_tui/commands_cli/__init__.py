"""The `msa-tui` sub-commands (`doctor`, `web`, the scripting nouns), one module each.

A command module exposes NAME, HELP (one line for `msa-tui --help`), DESCRIPTION, and either
`add_arguments(parser)` and `run(args) -> int` (the exit status), or, for a noun with actions,
VERBS: (verb, help, add_arguments, run) tuples (`_script.add_verbs`). To add a command, write its
module, list it in COMMANDS and give its name and help line in LISTED.

The parser is lazy: `msa-tui --help` lists every command from LISTED without importing
their modules, `msa-tui` alone (the app) imports none of them, and `msa-tui NOUN …`
imports and builds only NOUN's (tests/cli/test_lazy_parser.py keeps LISTED equal to the
modules' NAME and HELP). (Not to be confused with `msa_tui.commands`, the Textual command palette.)
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterator, Mapping

from .argparse_fr import FrenchArgumentParser

COMMANDS = ("doctor", "web", "auth", "me", "payments", "attestations", "documents", "messages",
            "send_document", "requests", "constraints", "completion")
"""Module names under this package, in the order `--help` lists them."""

LISTED = {
    "doctor": ("doctor", "diagnostic pour l'assistance (serveur, versions, terminal, réglages)"),
    "web": ("web", "servir l'application dans un navigateur (textual-serve)"),
    "auth": ("auth", "connexion : ouvrir, vérifier, fermer la session, donner le jeton"),
    "me": ("me", "l'adhérent connecté et son foyer"),
    "payments": ("payments", "les paiements reçus de la MSA"),
    "attestations": ("attestations", "les attestations (PDF) : paiement, droits, médecin traitant…"),
    "documents": ("documents", "les documents échangés avec la MSA"),
    "messages": ("messages", "la messagerie avec la MSA"),
    "send_document": ("send-document", "envoyer un document à la MSA (avec accusé de réception)"),
    "requests": ("requests", "les démarches déposées et leur suivi"),
    "constraints": ("constraints", "ce que le serveur accepte pour send-document (objets, natures, fichiers)"),
    "completion": ("completion", "script de complétion pour bash, zsh ou fish"),
}
"""Module name: (command name, its line in `msa-tui --help`), the modules' NAME and HELP."""


class LazyCommands(Mapping[str, argparse.ArgumentParser]):
    """The sub-parsers by command name; each is built (its module imported) when first asked for.

    argparse only checks `name in choices` and then takes `choices[name]` for the one given."""

    def __init__(self, prog_prefix: str) -> None:
        self._prog_prefix = prog_prefix
        self._modules = {LISTED[module][0]: module for module in COMMANDS}
        self._built: dict[str, argparse.ArgumentParser] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._modules

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        if name not in self._built:
            module = importlib.import_module(f"{__name__}.{self._modules[name]}")
            sub = FrenchArgumentParser(prog=f"{self._prog_prefix} {name}", description=module.DESCRIPTION)
            verbs = getattr(module, "VERBS", None)
            if verbs is None:
                module.add_arguments(sub)
                sub.set_defaults(run=module.run)
            else:
                from . import _script

                _script.add_common_options(sub)
                _script.add_verbs(sub, verbs)
                sub.set_defaults(run=_script.run_verb)
            self._built[name] = sub
        return self._built[name]


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Add every sub-command to `parser` (built on demand); the chosen one's `run` lands in `args.run`."""
    subparsers = parser.add_subparsers(dest="command", title="commandes ", metavar="COMMANDE",
                                       parser_class=FrenchArgumentParser)
    # What add_parser would record, minus building the parsers: the help lines, and the lazy map
    # argparse reads both as `choices` and to find the chosen command's parser.
    commands = LazyCommands(subparsers._prog_prefix)
    subparsers.choices = subparsers._name_parser_map = commands  # type: ignore[assignment]  # a Mapping, read-only
    for module in COMMANDS:
        name, help_text = LISTED[module]
        subparsers._choices_actions.append(subparsers._ChoicesPseudoAction(name, (), help_text))
