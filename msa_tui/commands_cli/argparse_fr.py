"""argparse in French: its own words ("usage:", "show this help message and exit", errors).

argparse looks its messages up through the module-level `argparse._` and
`argparse.ngettext` (gettext) at call time, with the English text as the key.
Our parser swaps those two names for a French table only while one of its own
methods runs, then puts them back: other parsers in the process are untouched,
no gettext domain or .mo file is involved, and a message missing from the table
(a newer Python) simply stays English.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

FRENCH = {
    "usage: ": "utilisation : ",
    # argparse adds ":" after a heading; the space makes it French ("options :").
    "options": "options ",
    "positional arguments": "arguments positionnels ",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "the following arguments are required: %s": "ces arguments sont obligatoires : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "commande inconnue %(parser_name)r (choix : %(choices)s)",
    "unexpected option string: %s": "option inattendue : %s",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
}
FRENCH_PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("%s valeur attendue", "%s valeurs attendues"),
}


def french(message: str) -> str:
    return FRENCH.get(message, message)


def french_plural(singular: str, plural: str, n: int) -> str:
    singular, plural = FRENCH_PLURALS.get((singular, plural), (singular, plural))
    return singular if n <= 1 else plural  # French: 0 and 1 are singular


@contextlib.contextmanager
def french_messages() -> Iterator[None]:
    """argparse speaks French inside this block (the names are restored on the way out)."""
    saved = {name: getattr(argparse, name, None) for name in ("_", "ngettext")}
    argparse._ = french  # type: ignore[attr-defined]  # argparse words its messages via its own _
    argparse.ngettext = french_plural  # type: ignore[attr-defined]  # and ngettext, unknown to typeshed
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                delattr(argparse, name)
            else:
                setattr(argparse, name, value)


class FrenchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the description and epilog as written (they are laid out by hand, at 80 columns)."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("width", 80)
        super().__init__(prog, **kwargs)


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are French; sub-parsers are French too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        with french_messages():  # the -h help text and the group titles are read here
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", french("show program's version number and exit"))
        with french_messages():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with french_messages():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with french_messages():  # "unrecognized arguments" is worded here, outside parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with french_messages():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with french_messages():
            return super().format_usage()

    def format_help(self) -> str:
        with french_messages():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        with french_messages():
            text = argparse._("%(prog)s: error: %(message)s\n")  # type: ignore[attr-defined]  # patched above
        self.exit(2, text % {"prog": self.prog, "message": message})
