"""Message rules: subject, topic and body checks in French; how a thread's state and dates read."""

from __future__ import annotations

from datetime import UTC, datetime

from msa_tui.api.models import ThreadSummary
from msa_tui.core.messages import (
    BODY_MAX,
    TOPICS,
    author_word,
    check_body,
    check_new_thread,
    check_subject,
    check_topic,
    moment_words,
    thread_state_words,
)


def summary(unread: int = 0, awaiting: bool = False) -> ThreadSummary:
    return ThreadSummary(id="t", subject="Objet", topic="Santé", updated_at=datetime(2026, 11, 1, tzinfo=UTC),
                         unread=unread, awaiting_reply=awaiting, last_excerpt="")


def test_subject_is_required_trimmed_and_bounded():
    assert check_subject("  Ma   carte  ") == ("Ma carte", None)
    assert check_subject("   ")[1] == "Indiquez l'objet de votre message."
    assert "120" in check_subject("x" * 121)[1]


def test_topic_must_come_from_the_list():
    assert check_topic(TOPICS[0]) == (TOPICS[0], None)
    assert check_topic(None)[1] == "Choisissez le thème de votre message."
    assert check_topic("Autre chose")[0] is None


def test_body_blank_or_too_long_is_refused_inner_lines_kept():
    assert check_body("  Bonjour\n\nMerci  ") == ("Bonjour\n\nMerci", None)
    assert "vide" in check_body(" \n ")[1]
    assert str(BODY_MAX) in check_body("a" * (BODY_MAX + 1))[1]


def test_whole_form_collects_every_error():
    checked = check_new_thread("", None, "")
    assert set(checked.errors) == {"subject", "topic", "body"}
    checked = check_new_thread("Objet", "Santé", "Texte")
    assert checked.ok and checked.values == {"subject": "Objet", "topic": "Santé", "body": "Texte"}


def test_state_in_words_never_colour_alone():
    assert thread_state_words(summary()) == []
    assert thread_state_words(summary(unread=1)) == ["1 message non lu"]
    assert thread_state_words(summary(unread=2, awaiting=True)) == ["2 messages non lus", "attend votre réponse"]


def test_author_and_moment_in_french():
    assert author_word("member") == "Vous" and author_word("msa") == "MSA"
    # 08:05 UTC is 09:05 in Paris in November.
    assert moment_words(datetime(2026, 11, 1, 8, 5, tzinfo=UTC)) == "1er novembre 2026 à 9 h 05"
