"""Rules of the messages to the MSA: topics offered, checks with French messages, how a thread reads (no Textual)."""

from __future__ import annotations

from datetime import datetime

from msa_tui.api.models import Author, ThreadSummary
from msa_tui.core.fields import Checked, Parsed, parse_line
from msa_tui.core.formatting import counted, long_date
from msa_tui.core.i18n import _

SUBJECT_MAX = 120
TOPIC_MAX = 60
BODY_MAX = 5000
"""The limits of the API contract (NewThread, NewMessage)."""

TOPICS = (
    "Santé",
    "Famille",
    "Logement",
    "Retraite",
    "RSA / prime d'activité",
    "Action sanitaire et sociale",
    "Changement de situation",
    "Autre question",
)
"""The short list of topics a new message is filed under (the portal's own domains)."""


def check_subject(text: str) -> Parsed[str]:
    """The subject of a new message: required, on one line, at most 120 characters."""
    return parse_line(text, max_length=SUBJECT_MAX, blank=_("Indiquez l'objet de votre message."),
                      too_long=_("L'objet doit faire {n} caractères au plus."))


def check_topic(text: str | None) -> Parsed[str]:
    """The topic: one of `TOPICS`."""
    if not text or text not in TOPICS:
        return None, _("Choisissez le thème de votre message.")
    return text, None


def check_body(text: str) -> Parsed[str]:
    """A message body: not blank, at most 5000 characters; inner line breaks are kept."""
    value = text.strip()
    if not value:
        return None, _("Votre message est vide : écrivez votre texte avant de l'envoyer.")
    if len(value) > BODY_MAX:
        return None, _("Votre message fait {n} caractères : {max} au plus.").format(n=len(value), max=BODY_MAX)
    return value, None


def check_new_thread(subject: str, topic: str | None, body: str) -> Checked:
    """The whole « Nouveau message » form: values to send, or a French message per field."""
    checked = Checked()
    checked.add("subject", check_subject(subject))
    checked.add("topic", check_topic(topic))
    checked.add("body", check_body(body))
    return checked


def author_word(author: Author | str) -> str:
    """Who wrote a message, from the member's side: « Vous » or « MSA »."""
    return _("Vous") if str(author) == Author.member.value else _("MSA")


def moment_words(moment: datetime) -> str:
    """"3 novembre 2026 à 9 h 15" (Paris time, as French writes hours)."""
    from msa_tui.core.clock import PARIS

    local = moment.astimezone(PARIS) if moment.tzinfo else moment
    return _("{day} à {hour} h {minute:02d}").format(day=long_date(local), hour=local.hour, minute=local.minute)


def thread_state_words(thread: ThreadSummary) -> list[str]:
    """What needs the member's attention, in words (never colour alone): unread, awaiting reply."""
    words = []
    if thread.unread:
        words.append(counted(thread.unread, "{n} message non lu", "{n} messages non lus"))
    if thread.awaiting_reply:
        words.append(_("attend votre réponse"))
    return words
