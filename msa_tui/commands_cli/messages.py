"""`msa-tui messages list|show|reply|new`: the conversations with the MSA."""

from __future__ import annotations

import argparse
import sys

from . import _script as s

NAME = "messages"
HELP = "la messagerie avec la MSA"
DESCRIPTION = (
    "Liste les conversations, en affiche une, y répond ou en commence une.\n"
    "Le texte vient de --body, ou d'un fichier avec --body-file (« - » : l'entrée standard)."
)
TOPICS_HELP = "thème (Santé, Famille, Logement, Retraite, « RSA / prime d'activité », …)"


def _thread_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("thread", metavar="CONVERSATION", help="identifiant (voir « messages list »)")


def _body_arguments(parser: argparse.ArgumentParser) -> None:
    body = parser.add_mutually_exclusive_group(required=True)
    body.add_argument("--body", metavar="TEXTE", help="le texte du message")
    body.add_argument("--body-file", metavar="PATH", help="un fichier texte UTF-8 ; « - » pour l'entrée standard")


def _reply_arguments(parser: argparse.ArgumentParser) -> None:
    _thread_argument(parser)
    _body_arguments(parser)


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--topic", required=True, metavar="THÈME", help=TOPICS_HELP)
    parser.add_argument("--subject", required=True, metavar="OBJET", help="l'objet du message (120 caractères au plus)")
    _body_arguments(parser)


def _body_text(args: argparse.Namespace) -> str:
    from ..core.messages import check_body

    if args.body is not None:
        text = args.body
    elif args.body_file == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(args.body_file, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise s.Refused(f"Impossible de lire « {args.body_file} » ({type(exc).__name__}).", s.USAGE,
                            "usage") from exc
    value, problem = check_body(text)
    if problem:
        raise s.Refused(problem)
    return value or ""


def _thread_lines(thread) -> list[str]:
    from ..core.messages import author_word, moment_words

    lines = [f"{thread.subject} ({thread.topic})"]
    for message in thread.messages:
        lines += ["", f"— {author_word(message.author)}, le {moment_words(message.sent_at)} :"]
        lines += message.body.splitlines()
    return lines


@s.command
async def list_threads(ctx: s.Context, args: argparse.Namespace) -> None:
    from ..core.formatting import short_date
    from ..core.messages import thread_state_words

    client = ctx.connect()
    items = await s.all_pages(lambda cursor: client.threads(cursor=cursor))
    s.print_list(ctx, items, "Aucune conversation.", ["ID", "Date", "Objet", "État"],
                 lambda t: [t.id, short_date(t.updated_at), t.subject, ", ".join(thread_state_words(t))], flex=2)


@s.command
async def show(ctx: s.Context, args: argparse.Namespace) -> None:
    thread = await ctx.connect().thread(args.thread)
    s.answer(ctx, thread, *_thread_lines(thread))


@s.command
async def reply(ctx: s.Context, args: argparse.Namespace) -> None:
    thread = await ctx.connect().reply(args.thread, _body_text(args))
    s.answer(ctx, thread, note="Message envoyé.")


@s.command
async def new(ctx: s.Context, args: argparse.Namespace) -> None:
    from ..api.models import NewThread
    from ..core.messages import TOPICS, check_new_thread

    checked = check_new_thread(args.subject, args.topic, _body_text(args))
    if checked.errors:
        extra = f" Thèmes : {', '.join(TOPICS)}." if "topic" in checked.errors else ""
        raise s.Refused(" ".join(checked.errors.values()) + extra)
    thread = await ctx.connect().new_thread(NewThread(**checked.values))
    s.answer(ctx, thread, thread.id, note="Message envoyé.")


VERBS = [
    ("list", "lister les conversations", s.no_arguments, list_threads),
    ("show", "afficher une conversation", _thread_argument, show),
    ("reply", "répondre dans une conversation", _reply_arguments, reply),
    ("new", "écrire un nouveau message", _new_arguments, new),
]
