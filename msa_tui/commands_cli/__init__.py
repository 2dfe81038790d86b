"""The `msa-tui` sub-commands (`doctor`, `web`, the scripting nouns), one module each.

A command module exposes NAME, HELP (one line for `msa-tui --help`), DESCRIPTION, and either
`add_arguments(parser)` and `run(args) -> int` (the exit status), or, for a noun with actions,
VERBS: (verb, help, add_arguments, run) tuples (`_script.add_verbs`). Its top level
imports nothing heavy: every module here is imported to build the parser, even
for `msa-tui --help`. To add a command, write its module and list it in COMMANDS.
(Not to be confused with `msa_tui.commands`, the Textual command palette.)
"""

from __future__ import annotations

import argparse
import importlib

from . import _script
from .argparse_fr import FrenchArgumentParser

COMMANDS = ("doctor", "web", "auth", "me", "payments", "attestations", "documents", "messages",
            "send_document", "requests", "constraints", "completion")
"""Module names under this package, in the order `--help` lists them."""


def add_commands(parser: argparse.ArgumentParser) -> None:
    """Add every sub-command to `parser`; the chosen one's `run` lands in `args.run`."""
    subparsers = parser.add_subparsers(dest="command", title="commandes ", metavar="COMMANDE",
                                       parser_class=FrenchArgumentParser)
    for module_name in COMMANDS:
        module = importlib.import_module(f"{__name__}.{module_name}")
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION)
        verbs = getattr(module, "VERBS", None)
        if verbs is None:
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
            continue
        _script.add_common_options(sub)
        _script.add_verbs(sub, verbs)
        sub.set_defaults(run=_script.run_verb)
