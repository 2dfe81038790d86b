"""The demo outbox: e-mails the mock server "sends" land in a table read by `GET /dev/outbox`."""

from __future__ import annotations

from datetime import datetime

from .store import Store


def send_mail(store: Store, to: str, subject: str, body: str, when: datetime,
              attachment: tuple[str, int] | None = None) -> None:
    """`attachment`: (file name, size in bytes); the demo keeps only those, not the bytes."""
    name, size = attachment if attachment is not None else (None, None)
    store.run(
        "INSERT INTO outbox (recipient, subject, body, sent_at, attachment, attachment_size) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (to, subject, body, when.isoformat(), name, size),
    )
