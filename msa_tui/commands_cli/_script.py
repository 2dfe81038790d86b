"""What every scripting noun shares: options, exit statuses, the session, the client, output.

Exit statuses (fixed in DESIGN.md): 0 done; 1 refused by the server or a check (the French
reason on stderr, a problem object on stdout with --json); 2 usage; 3 not logged in or
session expired; 4 network or server unavailable.

The session: `MSA_TUI_TOKEN` when set (an access token, used as is, never stored, never
refreshed), else the tokens `auth login` left in the OS keyring (refreshed and stored again
as the client gets new ones, through the core `Session`, as the app does).

Nothing at this module's top level is heavy: it is imported to build the parser for --help.
Tests give the commands a transport and a credential store through `hooks`.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

OK, REFUSED, USAGE, NOT_LOGGED_IN, UNAVAILABLE = 0, 1, 2, 3, 4
TOKEN_ENV = "MSA_TUI_TOKEN"
WIDTH = 80

NOT_LOGGED_IN_TEXT = "Vous n'êtes pas connecté : lancez « msa-tui auth login » ou définissez MSA_TUI_TOKEN."
EXPIRED_TEXT = "Votre session a expiré : reconnectez-vous avec « msa-tui auth login »."
UNAVAILABLE_TEXT = "Le serveur de la MSA est injoignable ou indisponible ({reason}). Réessayez plus tard."

# The problem "status" of a local refusal, in the HTTP sense the API's problems use.
_PROBLEM_STATUS = {REFUSED: 422, USAGE: 400, NOT_LOGGED_IN: 401, UNAVAILABLE: 503}


@dataclass
class Hooks:
    """Test seams, empty in real use: an httpx transport factory, a credential store factory."""

    transport: Callable[[], Any] | None = None
    credentials: Callable[[], Any] | None = None
    client_kwargs: dict[str, Any] = field(default_factory=dict)


hooks = Hooks()


class Refused(Exception):
    """A check failed before or instead of a server call: French `message`, exit `status`."""

    def __init__(self, message: str, status: int = REFUSED, code: str = "refused") -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code


# --- options --------------------------------------------------------------------------


def add_common_options(parser: argparse.ArgumentParser, *, json: bool = True) -> None:
    """--server/--config/--lang, --json and --quiet, also accepted after the noun or verb."""
    from .options import add_settings_options

    add_settings_options(parser, subcommand=True)
    if json:
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                            help="résultat en JSON (pour un script)")
    parser.add_argument("--quiet", "-q", action="store_true", default=argparse.SUPPRESS,
                        help="n'afficher que l'essentiel (ni avis ni progression)")


def add_verbs(parser: argparse.ArgumentParser,
              verbs: Sequence[tuple[str, str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]]) -> None:
    """One sub-parser per (verb, help, add_arguments, run); the chosen run lands in `args.verb_run`."""
    from .argparse_fr import FrenchArgumentParser

    sub = parser.add_subparsers(dest="verb", title="actions ", metavar="ACTION", required=True,
                                parser_class=FrenchArgumentParser)
    for name, help_text, add_arguments, run in verbs:
        verb = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
        add_arguments(verb)
        add_common_options(verb)
        verb.set_defaults(verb_run=run)


def run_verb(args: argparse.Namespace) -> int:
    return int(args.verb_run(args))


def no_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of a verb that takes none of its own (for `add_verbs`)."""


def command(body: Callable[[Context, argparse.Namespace], Awaitable[int | None]], *, light: bool = False,
            ) -> Callable[[argparse.Namespace], int]:
    """`async def verb(ctx, args)` (returns None for OK, or an exit status) → the `verb(args) -> int`
    that argparse runs, through `run` (settings, errors → French reason and exit status)."""

    @functools.wraps(body)
    def verb(args: argparse.Namespace) -> int:
        return run(args, lambda ctx: body(ctx, args), light=light)

    return verb


def light_command(body: Callable[[Context, argparse.Namespace], Awaitable[int | None]],
                  ) -> Callable[[argparse.Namespace], int]:
    """`command` for a verb that only reads through the light client (see `run`'s `light`)."""
    return command(body, light=True)


# --- output ----------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    """Models as the API's JSON (pydantic's JSON mode), lists and dicts of them too."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


class Output:
    def __init__(self, args: argparse.Namespace) -> None:
        self.json = bool(getattr(args, "json", False))
        self.quiet = bool(getattr(args, "quiet", False))

    def data(self, value: Any) -> None:
        import json

        print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))

    def line(self, text: str = "") -> None:
        """A line of the human result (stdout)."""
        print(text)

    def note(self, text: str) -> None:
        """A notice for the person at the terminal (stderr), silenced by --quiet."""
        if not self.quiet:
            print(text, file=sys.stderr)

    def fail(self, message: str, status: int, *, code: str, problem: Any = None) -> int:
        print(message, file=sys.stderr)
        if self.json:
            body = jsonable(problem) if problem is not None else {
                "type": "about:blank", "title": "Refusé", "status": _PROBLEM_STATUS.get(status, 400),
                "detail": message, "code": code}
            body["exit_status"] = status
            self.data(body)
        return status


def answer(ctx: Context, data: Any, *lines: str, note: str | None = None) -> None:
    """The result: `data` as JSON with --json, else `lines` (stdout) then the `note` (stderr)."""
    if ctx.out.json:
        ctx.out.data(data)
        return
    for line in lines:
        ctx.out.line(line)
    if note is not None:
        ctx.out.note(note)


def clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, flex: int, right: frozenset[int] = frozenset(),
          width: int = WIDTH) -> list[str]:
    """Lines of at most `width` columns; column `flex` takes what is left (clipped with "…")."""
    cells = [list(headers), *[[" ".join(str(c).split()) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    fixed = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(headers) - 1)
    widths[flex] = max(8, min(widths[flex], width - fixed))
    out = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            cell = clip(cell, widths[i])
            parts.append(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]))
        out.append("  ".join(parts).rstrip())
    out.insert(1, "  ".join("-" * w for w in widths))
    return out


def print_table(ctx: Context, headers: Sequence[str], rows: Sequence[Sequence[str]], *, flex: int,
                right: frozenset[int] = frozenset()) -> None:
    """`table` printed, line by line."""
    for line in table(headers, rows, flex=flex, right=right):
        ctx.out.line(line)


# --- running -----------------------------------------------------------------------------


class Context:
    """One command's run: its options, its output, the settings, and (once connected) the client."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Output(args)
        self.config: Any = None
        self.client: Any = None
        self.session: Any = None
        self.token_source: str | None = None
        """"env" (MSA_TUI_TOKEN) or "keyring" once connected with a session."""
        self.ca_bundle: str | None = None
        """Whom TLS trusts: --ca-bundle, the config's ca_bundle or SSL_CERT_FILE (None: the defaults)."""
        self.light = False
        """Whether this command reads through the light client (`run(..., light=True)`)."""

    def credentials(self) -> Any:
        if hooks.credentials is not None:
            return hooks.credentials()
        from ..core.credentials import CredentialStore

        return CredentialStore()

    @property
    def _light_client(self) -> bool:
        return self.light and hooks.transport is None

    def open_client(self, *, keep_tokens: bool = True) -> Any:
        """The client, with no session yet; tokens it gets go to the keyring when `keep_tokens`.

        A read command run with `light=True` gets the light client (plain HTTP/1.1, no httpx nor pydantic:
        msa_tui.api.light), except under a test transport, which only MsaClient can use."""
        from ..core.session import Session

        self.session = Session(self.credentials(), stay_connected=keep_tokens)
        if self._light_client:
            from ..api.light import LightClient

            self.client = LightClient(self.config.server_url, on_tokens=self.session.tokens_changed,
                                      ca_bundle=self.ca_bundle, **hooks.client_kwargs)
            return self.client
        from ..api.client import MsaClient

        transport = hooks.transport() if hooks.transport is not None else None
        self.client = MsaClient(self.config.server_url, transport=transport, on_tokens=self.session.tokens_changed,
                                ca_bundle=self.ca_bundle, **hooks.client_kwargs)
        return self.client

    def connect(self) -> Any:
        """The client with the session to use, or Refused(exit 3) when there is none."""
        import os

        token = os.environ.get(TOKEN_ENV, "").strip()
        client = self.open_client()
        if token:
            # Never stored nor refreshed: the caller owns it; a dropped one must not clear the keyring.
            client.on_tokens = None
            client.use_tokens(_bearer(token, light=self._light_client))
            self.token_source = "env"
            return client
        tokens = self.session.saved_tokens()
        if tokens is None:
            raise Refused(NOT_LOGGED_IN_TEXT, NOT_LOGGED_IN, "not_logged_in")
        client.use_tokens(tokens)
        self.token_source = "keyring"
        return client


def _bearer(token: str, *, light: bool) -> Any:
    """MSA_TUI_TOKEN as the client's tokens: the light client takes it as is, MsaClient as a TokenPair."""
    if light:
        from ..api.light import BearerToken

        return BearerToken(token)
    from ..api.models import TokenPair

    return TokenPair(access_token=token, refresh_token="-", expires_in=0)


def run(args: argparse.Namespace, body: Callable[[Context], Awaitable[int | None]], *, light: bool = False) -> int:
    """Runs `body(ctx)` and turns what goes wrong into the French reason and the exit status.

    `light`: `body` only reads, through `ctx.connect()`'s light client, and awaits nothing else that
    waits on an event loop; it then runs without one (msa_tui.api.light.run_without_loop)."""
    import os

    ctx = Context(args)
    from ..core.config import ConfigError, load_config
    from ..core.transport_policy import choose_ca_bundle, settings_problem
    from .options import settings_values

    flags = settings_values(args)
    try:
        ctx.config = load_config(flags["config"], server_url=flags["server"], language=flags["lang"],
                                 ca_bundle=flags["ca_bundle"])
    except ConfigError as exc:
        return ctx.out.fail(exc.message, USAGE, code="bad_config")
    ctx.ca_bundle = choose_ca_bundle(ctx.config.ca_bundle, os.environ.get("SSL_CERT_FILE"))
    # The app's rules (https, or http to this machine only; a readable CA bundle); a test's in-process
    # transport crosses no network, so its made-up host is not checked.
    problem = settings_problem(ctx.config.server_url if hooks.transport is None else None, ctx.ca_bundle)
    if problem is not None:
        return ctx.out.fail(problem, USAGE, code="bad_server")
    from ..core.i18n import set_language

    set_language(ctx.config.language)
    ctx.light = light
    try:
        if ctx._light_client:  # (under a test transport, MsaClient and an event loop)
            from ..api.light import run_without_loop

            return run_without_loop(_guarded(ctx, body))
        import asyncio

        return asyncio.run(_guarded(ctx, body))
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): what it wanted was printed. Python's recipe: point stdout
        # at /dev/null so the flush at exit does not raise again.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OK


async def _guarded(ctx: Context, body: Callable[[Context], Awaitable[int | None]]) -> int:
    from ..api import errors

    try:
        return int(await body(ctx) or OK)
    except Refused as exc:
        return ctx.out.fail(exc.message, exc.status, code=exc.code)
    except errors.SessionExpired as exc:
        text = NOT_LOGGED_IN_TEXT if ctx.token_source is None else EXPIRED_TEXT
        return ctx.out.fail(text, NOT_LOGGED_IN, code=exc.code or "unauthorized", problem=exc.problem)
    except (errors.NetworkDown, errors.ServerUnavailable, errors.InvalidResponse) as exc:
        return ctx.out.fail(UNAVAILABLE_TEXT.format(reason=exc.message.rstrip(".")), UNAVAILABLE,
                            code=exc.code or "unavailable", problem=exc.problem)
    except errors.ApiError as exc:
        return ctx.out.fail(exc.message, REFUSED, code=exc.code or "refused", problem=exc.problem)
    finally:
        if ctx.client is not None:
            await ctx.client.aclose()


# --- argument types --------------------------------------------------------------------


async def all_pages(fetch: Callable[[str | None], Awaitable[Any]]) -> list[Any]:
    """Every item of a paged list, following the cursors."""
    items: list[Any] = []
    cursor = None
    while True:
        page = await fetch(cursor)
        items += page.items
        cursor = page.next_cursor
        if cursor is None:
            return items


def shown_plainly(ctx: Context, items: Sequence[Any], empty: str) -> bool:
    """A list printed as JSON (with --json), or the French line saying it is empty: True when done,
    False when the caller still prints its table."""
    if ctx.out.json:
        ctx.out.data(items)
        return True
    if not items:
        ctx.out.line(empty)
        return True
    return False


def print_list(ctx: Context, items: Sequence[Any], empty: str, headers: Sequence[str],
               row: Callable[[Any], Sequence[str]], *, flex: int) -> None:
    """A list: JSON with --json, the French `empty` line when there is nothing, else a table of `row(item)`."""
    if not shown_plainly(ctx, items, empty):
        print_table(ctx, headers, [row(item) for item in items], flex=flex)


def iso_day(text: str) -> Any:
    """An argparse type: YYYY-MM-DD, else a French usage error (exit 2)."""
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » : attendu AAAA-MM-JJ") from None


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"nombre invalide « {text} » : attendu un entier positif")
    return value


def check_period(date_from: Any, date_to: Any) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise Refused("La date de début (--from) est après la date de fin (--to).", USAGE, "usage")
