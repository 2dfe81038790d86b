"""`msa-tui auth login|status|logout|token`: open, check, close and hand out the session.

The password is never an argument (it would sit in the shell history and in `ps`): it is
read from stdin with --password-stdin, or asked without echo when a terminal is attached.
The session goes to the OS keyring when there is one; where there is none, nothing is kept
(not even on disk) and --print-token hands the access token to the caller for MSA_TUI_TOKEN.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import _script as s

if TYPE_CHECKING:
    from ..api.client import MsaClient
    from ..api.models import Me, TokenPair

NAME = "auth"
HELP = "connexion : ouvrir, vérifier, fermer la session, donner le jeton"
DESCRIPTION = (
    "Ouvre la session (mot de passe lu sur l'entrée standard avec --password-stdin,\n"
    "ou demandé sans écho au terminal ; jamais en argument), la garde dans le\n"
    "trousseau du système quand il y en a un, la vérifie, la ferme.\n"
    "Avec la validation en deux étapes, le code reçu par courriel est demandé au\n"
    "terminal, ou lu sur la ligne suivante de l'entrée standard (--password-stdin).\n"
    "MSA_TUI_TOKEN, s'il est défini, sert de session à toutes les commandes."
)
NO_KEYRING_TEXT = ("Aucun trousseau sécurisé n'est disponible : la session n'est pas conservée "
                   "(rien n'est écrit sur le disque). Utilisez --print-token et exportez MSA_TUI_TOKEN.")


def _login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nir", metavar="NIR", help="numéro de sécurité sociale (13 caractères, sans la clé)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="lire le mot de passe sur l'entrée standard (première ligne ; "
                             "le code reçu par courriel, s'il est demandé, sur la suivante)")
    parser.add_argument("--print-token", action="store_true",
                        help="afficher le jeton de session, à exporter dans MSA_TUI_TOKEN")


def _ask_nir(args: argparse.Namespace) -> str:
    from ..core.nir import validate_nir

    text = args.nir
    if text is None:
        if not sys.stdin.isatty() or args.password_stdin:
            raise s.Refused("Indiquez votre numéro de sécurité sociale avec --nir.", s.USAGE, "usage")
        text = input("Numéro de sécurité sociale : ")
    result = validate_nir(text)
    if not result.valid:
        raise s.Refused(result.message or "Numéro de sécurité sociale invalide.", s.USAGE, "invalid_nir")
    return result.value or ""


def _ask_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass("Mot de passe : ")
    else:
        raise s.Refused("Sans terminal, donnez le mot de passe sur l'entrée standard avec --password-stdin.",
                        s.USAGE, "usage")
    if not password:
        raise s.Refused("Le mot de passe est vide.", s.USAGE, "usage")
    return password


def _ask_code(args: argparse.Namespace) -> str:
    """The e-mailed code of the second factor (issue 14): the next stdin line, or asked at the terminal."""
    from ..core.fields import parse_code

    if args.password_stdin:
        text = sys.stdin.readline()
    elif sys.stdin.isatty():
        text = input("Code reçu par courriel : ")
    else:
        raise s.Refused("Sans terminal, donnez le code reçu par courriel sur l'entrée standard, après le mot de "
                        "passe, avec --password-stdin.", s.USAGE, "usage")
    code, message = parse_code(text)
    if code is None:
        raise s.Refused(message or "", s.REFUSED, "invalid_code")
    return code


async def _log_in(ctx: s.Context, client: MsaClient, args: argparse.Namespace, nir: str,
                  password: str) -> TokenPair:
    """The password, then the e-mailed code when the member has the second factor on."""
    from ..api.errors import CodeRequired

    try:
        return await client.login(nir, password)
    except CodeRequired as step:
        ctx.out.note(step.message)
        return await client.login_code(nir, step.challenge, _ask_code(args))


@s.command
async def login(ctx: s.Context, args: argparse.Namespace) -> None:
    nir = _ask_nir(args)
    password = _ask_password(args)
    client = ctx.open_client()
    store = ctx.session.credentials
    tokens = await _log_in(ctx, client, args, nir, password)
    del password
    me = await client.me()
    ctx.session.start(me, nir)
    kept = store.available
    if not kept:
        ctx.out.note(NO_KEYRING_TEXT)
        if not args.print_token:
            # A session nobody can use again is closed at once rather than left open on the server.
            await client.logout()
            return
    token = {"token": tokens.access_token, "expires_in": tokens.expires_in} if args.print_token else {}
    s.answer(ctx, {"logged_in": True, "kept_in_keyring": kept, "member": _who(me), **token},
             *([tokens.access_token] if args.print_token else []), note=f"Connecté : {me.first_name} {me.last_name}.")


def _who(me: Me) -> dict[str, str]:
    return {"id": me.id, "first_name": me.first_name, "last_name": me.last_name}


@s.command
async def status(ctx: s.Context, args: argparse.Namespace) -> None:
    me = await ctx.connect().me()
    source = "MSA_TUI_TOKEN" if ctx.token_source == "env" else "trousseau"
    s.answer(ctx, {"logged_in": True, "source": ctx.token_source, "server": ctx.config.server_url, "member": _who(me)},
             f"Connecté : {me.first_name} {me.last_name}", f"Serveur : {ctx.config.server_url}", f"Session : {source}")


@s.command
async def logout(ctx: s.Context, args: argparse.Namespace) -> None:
    try:
        client = ctx.connect()
    except s.Refused:
        ctx.out.note("Aucune session ouverte.")
        return
    await client.logout()  # revokes on the server; the keyring entry goes with the tokens
    if ctx.token_source == "env":
        ctx.out.note("Session de MSA_TUI_TOKEN fermée : retirez cette variable de votre environnement.")
    else:
        ctx.out.note("Déconnecté.")


@s.command
async def token(ctx: s.Context, args: argparse.Namespace) -> None:
    client = ctx.connect()
    if ctx.token_source == "env":
        access = client.tokens.access_token
    else:
        # A fresh pair gives the caller the access token's whole life; the keyring gets the new pair.
        access = (await client.refresh()).access_token
    s.answer(ctx, {"token": access, "source": ctx.token_source}, access)


VERBS = [
    ("login", "se connecter", _login_arguments, login),
    ("status", "dire si une session est ouverte, et pour qui", s.no_arguments, status),
    ("logout", "fermer la session (sur le serveur et dans le trousseau)", s.no_arguments, logout),
    ("token", "afficher un jeton d'accès valide (pour MSA_TUI_TOKEN)", s.no_arguments, token),
]
