"""`msa-tui` with launch flags only (the app, no command), read without argparse.

Importing argparse (and gettext) and building the French parser costs a few milliseconds
before the login screen can show, for what is nearly always a handful of flags. This reads
only the plain spellings of the top-level flags (`--server URL` or `--server=URL`); for
anything else — a command, help, --version, an abbreviation, a repeated flag, a value that
starts with "-", a refused choice, `--` — it returns None and the caller asks argparse,
so every error and help text is argparse's own. Whatever it returns equals
`vars(build_parser().parse_args(argv))` (tests/cli/test_launch_args.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace  # already loaded by the interpreter: costs nothing

SWITCHES = {"--demo": "demo", "--kiosk": "kiosk", "--json": "json", "--quiet": "quiet", "-q": "quiet"}
"""Flags that take no value (store_true): flag -> attribute."""

VALUED: dict[str, tuple[str, Callable[[str], object]]] = {
    "--server": ("server", str),
    "--ca-bundle": ("ca_bundle", str),
    "--config": ("config", Path),
    "--lang": ("lang", str),
    "--data-dir": ("data_dir", Path),
}
"""Flags that take one value: flag -> (attribute, type), as cli.build_parser and commands_cli.options define them."""

CHOICES = {"lang": ("fr", "en")}

DEFAULTS: dict[str, object] = {
    "demo": False, "server": None, "ca_bundle": None, "config": None, "lang": None,
    "kiosk": None,  # store_true with default=None: "not given" lets the settings decide
    "data_dir": None, "json": False, "quiet": False,
    "command": None,  # argparse's sub-command slot when none is given
}


def launch_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The parsed launch flags, or None when argparse must decide (it then parses or refuses)."""
    values = dict(DEFAULTS)
    given: set[str] = set()
    words = iter(argv)
    for word in words:
        flag, equals, inline = word.partition("=")
        value: object
        if word in SWITCHES:
            dest, value = SWITCHES[word], True
        elif flag in VALUED:
            dest, convert = VALUED[flag]
            raw = inline if equals else next(words, None)
            # Missing, or starting with "-": argparse may read it as an option, or drop a "--".
            if raw is None or raw.startswith("-"):
                return None
            if raw not in CHOICES.get(dest, (raw,)):
                return None
            value = convert(raw)
        else:
            return None
        if dest in given:  # argparse keeps the last one; rare enough to leave to it
            return None
        given.add(dest)
        values[dest] = value
    return SimpleNamespace(**values)
