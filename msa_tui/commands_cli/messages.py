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


def _none(parser: argparse.ArgumentParser) -> None:
    return None


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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    s.add_common_options(parser)
    s.add_verbs(parser, [
        ("list", "lister les conversations", _none, list_threads),
        ("show", "afficher une conversation", _thread_argument, show),
        ("reply", "répondre dans une conversation", _reply_arguments, reply),
        ("new", "écrire un nouveau message", _new_arguments, new),
    ])


run = s.run_verb


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


def _print_thread(ctx: s.Context, thread) -> None:
    from ..core.messages import author_word, moment_words

    ctx.out.line(f"{thread.subject} ({thread.topic})")
    for message in thread.messages:
        ctx.out.line("")
        ctx.out.line(f"— {author_word(message.author)}, le {moment_words(message.sent_at)} :")
        for paragraph in message.body.splitlines():
            ctx.out.line(paragraph)


def list_threads(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        client = ctx.connect()
        items = await s.all_pages(lambda cursor: client.threads(cursor=cursor))
        if s.shown_plainly(ctx, items, "Aucune conversation."):
            return s.OK
        from ..core.formatting import short_date
        from ..core.messages import thread_state_words

        rows = [[t.id, short_date(t.updated_at), t.subject, ", ".join(thread_state_words(t))] for t in items]
        for line in s.table(["ID", "Date", "Objet", "État"], rows, flex=2):
            ctx.out.line(line)
        return s.OK

    return s.run(args, body)


def show(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        thread = await ctx.connect().thread(args.thread)
        if ctx.out.json:
            ctx.out.data(thread)
        else:
            _print_thread(ctx, thread)
        return s.OK

    return s.run(args, body)


def reply(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        text = _body_text(args)
        thread = await ctx.connect().reply(args.thread, text)
        if ctx.out.json:
            ctx.out.data(thread)
        else:
            ctx.out.note("Message envoyé.")
        return s.OK

    return s.run(args, body)


def new(args: argparse.Namespace) -> int:
    async def body(ctx: s.Context) -> int:
        from ..api.models import NewThread
        from ..core.messages import TOPICS, check_new_thread

        checked = check_new_thread(args.subject, args.topic, _body_text(args))
        if checked.errors:
            extra = f" Thèmes : {', '.join(TOPICS)}." if "topic" in checked.errors else ""
            raise s.Refused(" ".join(checked.errors.values()) + extra)
        thread = await ctx.connect().new_thread(NewThread(**checked.values))
        if ctx.out.json:
            ctx.out.data(thread)
        else:
            ctx.out.line(thread.id)
            ctx.out.note("Message envoyé.")
        return s.OK

    return s.run(args, body)
